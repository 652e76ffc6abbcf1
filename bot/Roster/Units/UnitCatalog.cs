using GiBot.Measures.Questions;
using GiBot.Measures.Registry;

namespace GiBot.Roster.Units;

/// <summary>
/// The units people belong to: the plan's sections and centres and each county/district bureau
/// (names, English names and aliases come from <see cref="MeasureRegistry"/>), the collective names as
/// configurable groups, and which measures each unit owns. Unit ids are the Chinese names.
/// </summary>
public sealed class UnitCatalog
{
    private readonly MeasureRegistry _registry;
    private readonly UnitMatcher _matcher;
    private readonly Dictionary<string, Unit> _members;
    private readonly Dictionary<string, IReadOnlyList<Measure>> _owned;

    public UnitCatalog(MeasureRegistry registry, IReadOnlyDictionary<string, IReadOnlyList<string>> configuredGroups)
    {
        _registry = registry;
        _matcher = new UnitMatcher(registry);
        Units = registry.Units.Where(u => u.Kind != UnitKind.Collective).ToArray();
        _members = Units.ToDictionary(u => u.Name, StringComparer.Ordinal);

        var collectives = registry.Units.Where(u => u.Kind == UnitKind.Collective).ToArray();
        var problems = configuredGroups.Keys.Where(k => collectives.All(c => c.Name != k))
            .Select(k => $"{UnitGroupsConfiguration.SectionName} names an unknown group \"{k}\" (known: {string.Join("、", collectives.Select(c => c.Name))})")
            .ToList();
        var offices = Units.Where(u => u.Kind == UnitKind.Office).ToArray();
        Groups = collectives.ToDictionary(c => c.Name, c =>
        {
            var names = configuredGroups.TryGetValue(c.Name, out var configured) ? configured : UnitGroupsConfiguration.DefaultMembers(c, offices);
            problems.AddRange(names.Where(n => !_members.ContainsKey(n)).Select(n => $"{UnitGroupsConfiguration.SectionName}: group {c.Name} names an unknown unit \"{n}\""));
            return (IReadOnlyList<Unit>)names.Where(_members.ContainsKey).Select(n => _members[n]).ToArray();
        }, StringComparer.Ordinal);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems) + ".");
        }
        _owned = Units.ToDictionary(u => u.Name, u => (IReadOnlyList<Measure>)registry.Measures.Where(m => Owns(u, m)).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Sections, centres and county/district bureaus: what a person can belong to.</summary>
    public IReadOnlyList<Unit> Units { get; }

    /// <summary>The plan's collective names and the units each stands for.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Unit>> Groups { get; }

    public MeasureRegistry Registry => _registry;

    /// <summary>The unit a person can belong to, by its id (the Chinese name).</summary>
    public Unit? Find(string unitId) => _members.GetValueOrDefault(unitId);

    /// <summary>The units a text names (official name, English name or alias), collectives and the county-bureau group excluded.</summary>
    public IReadOnlyList<Unit> Match(string text) =>
        _matcher.Match(QuestionText.Normalize(text)).Where(u => _members.ContainsKey(u.Name)).ToArray();

    /// <summary>The one unit a text names by id, name or alias; null when none or several.</summary>
    public Unit? Resolve(string text) =>
        Find(text.Trim()) ?? (Match(text) is [var only] ? only : null);

    public IReadOnlyList<Measure> MeasuresOwnedBy(string unitId) => _owned.GetValueOrDefault(unitId) ?? [];

    public bool Owns(string unitId, int measure) => MeasuresOwnedBy(unitId).Any(m => m.Number == measure);

    /// <summary>Every unit a person can belong to that owns the measure (collectives and the county-bureau phrase expanded).</summary>
    public IReadOnlyList<Unit> ResponsibleUnits(Measure measure) => Units.Where(u => Owns(u, measure)).ToArray();

    private bool Owns(Unit unit, Measure measure) =>
        measure.IsOwnedBy(unit)
        || measure.Units.Any(owner => owner.Kind == UnitKind.Collective && Groups.TryGetValue(owner.Name, out var members) && members.Contains(unit));
}
