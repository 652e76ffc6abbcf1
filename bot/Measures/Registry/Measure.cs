namespace GiBot.Measures.Registry;

/// <summary>One numbered row of the plan's table (序号 1 to 20).</summary>
public sealed record Measure(
    int Number,
    PlanItem Item,
    string Text,
    IReadOnlyList<Unit> Units,
    Unit? Lead,
    Unit? CountyBureaus,
    string SummaryEn)
{
    public PlanSection Section => Item.Section;

    /// <summary>The plan's phrase 各县（市）、区市场监督管理局、城乡一体化示范区分局按职责分工负责 is in this row.</summary>
    public bool SharedWithCountyBureaus => CountyBureaus is not null;

    /// <summary>Everyone the row names: the units, then the county/district bureaus as one owner.</summary>
    public IReadOnlyList<Unit> Owners => CountyBureaus is null ? Units : [.. Units, CountyBureaus];

    public bool IsOwnedBy(Unit unit) =>
        unit.Kind == UnitKind.CountyBureau ? SharedWithCountyBureaus : Units.Contains(unit);
}

/// <summary>A part of the plan (二 to 六), e.g. 四、加强地理标志行政保护.</summary>
public sealed record PlanSection(string Number, int Order, string Title, string TitleEn);

/// <summary>A numbered item (（三） to （十三）) grouping one or more measures.</summary>
public sealed record PlanItem(string Number, int Order, PlanSection Section, string Title, string TitleEn);

public enum UnitKind
{
    /// <summary>A section or centre of the municipal bureau named in the plan.</summary>
    Office,

    /// <summary>A collective name in the plan (市局各有关科室, 各直属单位).</summary>
    Collective,

    /// <summary>A county, county-level city or district bureau, or the demonstration-zone branch (from configuration).</summary>
    CountyBureau,
}

/// <summary>A responsible unit with its official Chinese name, English name and the short names people use.</summary>
public sealed record Unit(string Name, string NameEn, UnitKind Kind, IReadOnlyList<string> Aliases);

/// <summary>A bureau of a county, county-level city or district of Jiaozuo, as configured under Measures:CountyBureaus.</summary>
public sealed record CountyBureau(string Name, string NameEn);
