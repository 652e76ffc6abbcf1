using GiBot.Measures.Registry;

namespace GiBot.Overview;

/// <summary>The plan at one instant: every measure (or those of one unit) with its units' status.</summary>
public sealed record OverviewSnapshot(DateTimeOffset At, IReadOnlyList<MeasureStatus> Measures, Unit? UnitFilter)
{
    /// <summary>The periods the measures are in now (one unless measures follow different cycles).</summary>
    public IReadOnlyList<string> Periods => Measures.Select(m => m.Window.Period).Distinct(StringComparer.Ordinal).ToArray();

    public int UnitSlots => Measures.Sum(m => m.Units.Count);

    public int Reported => Measures.Sum(m => m.Reported);

    public int Count(RagMark mark) => Measures.Sum(m => m.Count(mark));

    /// <summary>Who has not reported in the current period, by unit (in the order they first owe a measure), with the measures they owe.</summary>
    public IReadOnlyList<(Unit Unit, IReadOnlyList<MeasureStatus> Measures)> Missing() =>
        Measures.SelectMany(m => m.Units.Where(u => u.IsMissing).Select(u => (u.Unit, Measure: m)))
            .GroupBy(x => x.Unit)
            .Select(g => (g.Key, (IReadOnlyList<MeasureStatus>)g.Select(x => x.Measure).ToArray()))
            .ToArray();

    /// <summary>The earlier periods units still owe past their deadline, each with how many (measure, unit) reports are owed for it.</summary>
    public IReadOnlyList<(string Period, int Count)> OverdueEarlier() =>
        Measures.SelectMany(m => m.Units).Select(u => u.OverdueEarlier?.Period).OfType<string>()
            .GroupBy(p => p, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).ToArray();

    /// <summary>Each unit across the measures it owns: reported share, mean percent and worst mark.</summary>
    public IReadOnlyList<UnitSummary> ByUnit() =>
        Measures.SelectMany(m => m.Units)
            .GroupBy(u => u.Unit)
            .Select(g => new UnitSummary(g.Key, g.Count(), g.Count(u => u.ReportedThisPeriod),
                (int)Math.Round(g.Average(u => u.Percent), MidpointRounding.AwayFromZero), RagRule.Worst(g.Select(u => u.Mark))))
            .ToArray();
}
