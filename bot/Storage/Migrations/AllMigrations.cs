namespace GiBot.Storage.Migrations;

public static class AllMigrations
{
    public static IReadOnlyList<Migration> InOrder { get; } =
    [
        M0001Initial.Migration,
        M0002ReferenceLanguage.Migration,
        M0003StampedActivityLedger.Migration,
    ];
}
