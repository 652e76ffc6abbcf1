using GiBot.Measures.Registry;
using GiBot.Reminders.Schedule;
using GiBot.Storage;

namespace GiBot.Overview;

/// <summary>
/// One responsible unit on one measure: its report of the newest period (any, not only the current one), whether it
/// reported in the current period, its mark, when it last submitted anything (possibly a late report for an earlier
/// period), and the earlier period it still owes past its deadline (<see cref="OverdueEarlier"/>), if any.
/// </summary>
public sealed record UnitStatus(Unit Unit, ProgressUpdate? Latest, bool ReportedThisPeriod, RagMark Mark, DateTimeOffset? LastSubmittedAt, ReportingWindow? OverdueEarlier = null)
{
    /// <summary>The latest percent; 已完成 without a number counts as 100, no report as 0.</summary>
    public int Percent => Latest?.Report.PercentComplete ?? (Latest?.Report.Status == Updates.UpdateStatus.Completed ? 100 : 0);

    public bool IsCompleted => Latest?.Report.Status == Updates.UpdateStatus.Completed;

    /// <summary>Expected to report in the current period and has not (finished units are not asked).</summary>
    public bool IsMissing => !ReportedThisPeriod && !IsCompleted;
}
