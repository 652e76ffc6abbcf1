using GiBot.Measures.Registry;

namespace GiBot.Roster.Units;

/// <summary>
/// Reads Roster:Groups, an array of { Name, Members }: which sections and centres the plan's collective
/// names (市局各有关科室, 各直属单位) stand for. A collective not configured falls back to a default:
/// every section (科) for 市局各有关科室, every centre (中心) for 各直属单位.
/// </summary>
public static class UnitGroupsConfiguration
{
    public const string SectionName = "Roster:Groups";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(IConfiguration configuration) =>
        configuration.GetSection(SectionName).GetChildren()
            .Select(c => (Name: (c["Name"] ?? "").Trim(), Members: c.GetSection("Members").GetChildren()
                .Select(m => (m.Value ?? "").Trim()).Where(m => m.Length > 0).ToArray()))
            .Where(g => g.Name.Length > 0)
            .GroupBy(g => g.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.SelectMany(x => x.Members).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    public static IReadOnlyList<string> DefaultMembers(Unit collective, IEnumerable<Unit> offices) =>
        offices.Where(o => collective.Name.Contains("科室", StringComparison.Ordinal)
                ? o.Name.EndsWith('科')
                : o.Name.EndsWith("中心", StringComparison.Ordinal))
            .Select(o => o.Name)
            .ToArray();
}
