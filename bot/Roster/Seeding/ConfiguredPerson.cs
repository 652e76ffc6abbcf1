namespace GiBot.Roster.Seeding;

/// <summary>One entry of Roster:People: identified by AadObjectId or Email (or both), with units and one role.</summary>
public sealed record ConfiguredPerson(int Index, string? AadObjectId, string? Email, string? Name, IReadOnlyList<string> Units, string? Role);

/// <summary>Reads Roster:People (see appsettings.json).</summary>
public static class RosterPeopleConfiguration
{
    public const string SectionName = "Roster:People";

    public static IReadOnlyList<ConfiguredPerson> Read(IConfiguration configuration) =>
        configuration.GetSection(SectionName).GetChildren()
            .Select((c, i) => new ConfiguredPerson(
                int.TryParse(c.Key, out var index) ? index : i,
                Clean(c["AadObjectId"]),
                Clean(c["Email"]),
                Clean(c["Name"]),
                c.GetSection("Units").GetChildren().Select(u => (u.Value ?? "").Trim()).Where(u => u.Length > 0).ToArray(),
                Clean(c["Role"])))
            .ToArray();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
