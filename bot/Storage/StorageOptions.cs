namespace GiBot.Storage;

/// <summary>
/// <c>ConnectionStrings:Postgres</c> selects PostgreSQL; otherwise SQLite at <c>Storage:SqlitePath</c>.
/// A relative SQLite path is resolved against the content root, which is the working directory
/// unless <c>--contentRoot</c> is given (so <c>dotnet run --project bot</c> from the repository
/// root uses <c>./data/gibot.db</c>).
/// </summary>
public sealed record StorageOptions(string? PostgresConnectionString, string SqlitePath)
{
    public const string DefaultSqlitePath = "data/gibot.db";

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public static StorageOptions From(IConfiguration configuration, string contentRoot)
    {
        var path = configuration["Storage:SqlitePath"];
        path = string.IsNullOrWhiteSpace(path) ? DefaultSqlitePath : path;
        return new StorageOptions(configuration.GetConnectionString("Postgres"), Path.GetFullPath(path, contentRoot));
    }
}
