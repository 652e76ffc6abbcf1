using GiBot.Measures.Registry;

namespace GiBot.Measures.Questions;

/// <summary>What a question about the plan asks for, as understood by <see cref="MeasureQueryParser"/>.</summary>
public abstract record MeasureQuery
{
    /// <summary>The measures the answer shows, in answer order (empty for clarifications and refusals).</summary>
    public virtual IReadOnlyList<Measure> Measures => [];
}

public sealed record ShowMeasure(Measure Measure) : MeasureQuery
{
    public override IReadOnlyList<Measure> Measures => [Measure];
}

/// <summary>Several measures named by number, a range or a list ("第8到10项", "第8项和第9项"), in the order asked.</summary>
public sealed record ShowMeasures(IReadOnlyList<Measure> Named) : MeasureQuery
{
    public override IReadOnlyList<Measure> Measures => Named;
}

/// <summary>
/// Who leads (牵头): a measure's lead unit, or what a unit leads. The plan names a lead only where it says 牵头 (measure 20),
/// so the answer says plainly when there is none rather than listing owners as if they were leads.
/// </summary>
public sealed record AskLead(MeasureQuery About) : MeasureQuery
{
    public override IReadOnlyList<Measure> Measures => About.Measures;
}

/// <summary>All measures of one item, e.g. （八） → 8, 9, 10.</summary>
public sealed record ShowItem(PlanItem Item, IReadOnlyList<Measure> ItemMeasures) : MeasureQuery
{
    public override IReadOnlyList<Measure> Measures => ItemMeasures;
}

public sealed record ListSection(PlanSection Section, IReadOnlyList<Measure> SectionMeasures) : MeasureQuery
{
    public override IReadOnlyList<Measure> Measures => SectionMeasures;
}

public sealed record ListAll(IReadOnlyList<Measure> AllMeasures) : MeasureQuery
{
    public override IReadOnlyList<Measure> Measures => AllMeasures;
}

public sealed record ListUnit(Unit Unit, IReadOnlyList<Measure> UnitMeasures) : MeasureQuery
{
    public override IReadOnlyList<Measure> Measures => UnitMeasures;
}

/// <summary>Measures whose text contains the words asked about, best match first.</summary>
public sealed record KeywordMatches(string Terms, IReadOnlyList<Measure> Ranked) : MeasureQuery
{
    public override IReadOnlyList<Measure> Measures => Ranked;
}

/// <summary>A measure number outside 1–20.</summary>
public sealed record NumberOutOfRange(int Number) : MeasureQuery;

/// <summary>An item or section the plan's table does not have, e.g. （一） or 第一部分.</summary>
public sealed record PartOutOfRange(string Number, bool IsSection) : MeasureQuery;

/// <summary>A unit the plan does not name (食品科), with the plan's units closest to it (none when nothing is close).</summary>
public sealed record UnknownUnit(string Name, IReadOnlyList<Unit> Closest) : MeasureQuery;

/// <summary>The question could mean several things: ask back with these choices.</summary>
public sealed record Clarify(IReadOnlyList<Choice> Choices) : MeasureQuery;

/// <summary>Not a question about the plan's measures; another feature or the help answers it.</summary>
public sealed record NotUnderstood : MeasureQuery;

/// <summary>One option of a clarifying question.</summary>
public abstract record Choice;

public sealed record MeasureChoice(Measure Measure) : Choice;

public sealed record ItemChoice(PlanItem Item) : Choice;

public sealed record SectionChoice(PlanSection Section) : Choice;

public sealed record UnitChoice(Unit Unit) : Choice;
