using System.Text.Json;

namespace GiBot.Measures.Registry;

/// <summary>
/// The plan's 20 measures with their sections, items and units, loaded once from
/// resources/measures/measures.json. Read-only and shared by every turn.
/// </summary>
public sealed class MeasureRegistry
{
    public const int MeasureCount = 20;
    private const string ResourceName = "resources/measures/measures.json";

    private readonly Dictionary<int, Measure> _byNumber;
    private readonly Dictionary<string, PlanItem> _items;
    private readonly Dictionary<string, PlanSection> _sections;
    private readonly Dictionary<string, Unit> _unitsByName;

    private MeasureRegistry(RegistryData data, IReadOnlyList<CountyBureau> countyBureaus)
    {
        PlanTitle = data.PlanTitle;
        PlanTitleEn = data.PlanTitleEn;
        CountyBureausPhrase = data.CountyBureausPhrase;
        Sections = data.Sections.Select(s => new PlanSection(s.Number, s.Order, s.Title, s.TitleEn)).ToArray();
        _sections = Sections.ToDictionary(s => s.Number, StringComparer.Ordinal);
        Items = data.Items.Select(i => new PlanItem(i.Number, i.Order, Lookup(_sections, i.Section, "section"), i.Title, i.TitleEn)).ToArray();
        _items = Items.ToDictionary(i => i.Number, StringComparer.Ordinal);

        CountyBureausGroup = new Unit(data.CountyBureausName, data.CountyBureausNameEn, UnitKind.CountyBureau,
            ["各县区局", "县区局", "县（市）、区市场监督管理局", "各县（市）、区市场监督管理局", "县市区局", "county bureaus", "district bureaus", "county and district bureaus"]);
        CountyBureaus = countyBureaus;
        var units = data.Units.Select(u => new Unit(u.Name, u.NameEn,
            u.Collective ? UnitKind.Collective : UnitKind.Office, u.Aliases)).ToList();
        units.AddRange(countyBureaus.Select(BureauUnit));
        Units = units;
        _unitsByName = units.Concat([CountyBureausGroup]).ToDictionary(u => u.Name, StringComparer.Ordinal);

        Measures = data.Measures.OrderBy(m => m.Number).Select(m => new Measure(
            m.Number,
            Lookup(_items, m.Item, "item"),
            m.Text,
            m.Units.Select(u => Lookup(_unitsByName, u, "unit")).ToArray(),
            m.Lead is null ? null : Lookup(_unitsByName, m.Lead, "unit"),
            m.SharedWithCountyBureaus ? CountyBureausGroup : null,
            m.SummaryEn)).ToArray();
        _byNumber = Measures.ToDictionary(m => m.Number);
        if (data.Measures.FirstOrDefault(m => m.Section != _byNumber[m.Number].Section.Number) is { } misplaced)
        {
            throw new InvalidOperationException($"{ResourceName}: measure {misplaced.Number} names section {misplaced.Section}, but its item is in section {_byNumber[misplaced.Number].Section.Number}.");
        }
        if (Measures.Count != MeasureCount || Enumerable.Range(1, MeasureCount).Any(n => !_byNumber.ContainsKey(n)))
        {
            throw new InvalidOperationException($"{ResourceName} must hold measures 1 to {MeasureCount}.");
        }
        AmbiguousTerms = data.AmbiguousTerms
            .SelectMany(a => a.Terms.Select(t => (Term: t, Units: (IReadOnlyList<Unit>)a.Units.Select(u => Lookup(_unitsByName, u, "unit")).ToArray())))
            .ToDictionary(x => x.Term.ToLowerInvariant(), x => x.Units, StringComparer.Ordinal);
    }

    public string PlanTitle { get; }

    public string PlanTitleEn { get; }

    /// <summary>各县（市）、区市场监督管理局、城乡一体化示范区分局按职责分工负责.</summary>
    public string CountyBureausPhrase { get; }

    public IReadOnlyList<Measure> Measures { get; }

    public IReadOnlyList<PlanSection> Sections { get; }

    public IReadOnlyList<PlanItem> Items { get; }

    /// <summary>Every unit a question may name: offices, collectives and the configured county bureaus.</summary>
    public IReadOnlyList<Unit> Units { get; }

    /// <summary>The county/district bureaus as the plan names them, as one owner.</summary>
    public Unit CountyBureausGroup { get; }

    public IReadOnlyList<CountyBureau> CountyBureaus { get; }

    /// <summary>Short words that could mean several units (知识产权, inspection): asked back, never guessed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Unit>> AmbiguousTerms { get; }

    public Measure? Find(int number) => _byNumber.GetValueOrDefault(number);

    public PlanItem? FindItem(string number) => _items.GetValueOrDefault(number);

    public PlanSection? FindSection(string number) => _sections.GetValueOrDefault(number);

    public Unit? FindUnit(string name) => _unitsByName.GetValueOrDefault(name);

    public IReadOnlyList<Measure> InItem(PlanItem item) => Measures.Where(m => m.Item == item).ToArray();

    public IReadOnlyList<Measure> InSection(PlanSection section) => Measures.Where(m => m.Section == section).ToArray();

    public IReadOnlyList<Measure> OwnedBy(Unit unit) => Measures.Where(m => m.IsOwnedBy(unit)).ToArray();

    public static MeasureRegistry Load(IReadOnlyList<CountyBureau> countyBureaus)
    {
        using var stream = typeof(MeasureRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Load(stream, countyBureaus);
    }

    public static MeasureRegistry Load(Stream json, IReadOnlyList<CountyBureau> countyBureaus)
    {
        var data = JsonSerializer.Deserialize(json, RegistryJson.Default.RegistryData)
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        return new MeasureRegistry(data, countyBureaus);
    }

    private Unit BureauUnit(CountyBureau bureau)
    {
        const string suffix = "市场监督管理局";
        var aliases = new List<string>();
        if (bureau.Name.EndsWith(suffix, StringComparison.Ordinal) && bureau.Name.Length > suffix.Length)
        {
            var place = bureau.Name[..^suffix.Length];
            aliases.Add(place + "局");
            aliases.Add(place);
            // 修武县 → 修武; one-character names (温县) stay whole.
            if (place.Length > 2)
            {
                aliases.Add(place[..^1]);
            }
        }
        else if (bureau.Name.Contains("示范区", StringComparison.Ordinal))
        {
            aliases.AddRange(["示范区分局", "城乡一体化示范区", "示范区"]);
        }
        // Wen County Market Supervision Administration → Wen County, as English speakers call it.
        const string suffixEn = " Market Supervision Administration";
        if (bureau.NameEn.EndsWith(suffixEn, StringComparison.OrdinalIgnoreCase) && bureau.NameEn.Length > suffixEn.Length)
        {
            aliases.Add(bureau.NameEn[..^suffixEn.Length]);
        }
        return new Unit(bureau.Name, bureau.NameEn, UnitKind.CountyBureau, aliases);
    }

    private static T Lookup<T>(Dictionary<string, T> map, string key, string what) =>
        map.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"{ResourceName} names an unknown {what}: {key}");
}
