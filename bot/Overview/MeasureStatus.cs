using GiBot.Measures.Registry;
using GiBot.Reminders.Schedule;

namespace GiBot.Overview;

/// <summary>One measure in the overview: its current reporting window and every responsible unit's status.</summary>
public sealed record MeasureStatus(Measure Measure, ReportingWindow Window, IReadOnlyList<UnitStatus> Units)
{
    public RagMark Mark => RagRule.Worst(Units.Select(u => u.Mark));

    public int Reported => Units.Count(u => u.ReportedThisPeriod);

    /// <summary>The earlier period still owed past its deadline (the measure's previous one), with how many units owe it; null when none does.</summary>
    public (string Period, int Units)? OverdueEarlier =>
        Units.Where(u => u.OverdueEarlier is not null).ToArray() is { Length: > 0 } owing ? (owing[0].OverdueEarlier!.Period, owing.Length) : null;

    public int Count(RagMark mark) => Units.Count(u => u.Mark == mark);

    /// <summary>Completion of the measure: the mean of its units' latest percents, a unit without a report counting 0.</summary>
    public int Percent => Units.Count == 0 ? 0 : (int)Math.Round(Units.Average(u => u.Percent), MidpointRounding.AwayFromZero);

    public DateTimeOffset? LastUpdate => Units.Select(u => u.LastSubmittedAt).Max();
}
