using GiBot.Storage;

namespace GiBot.Updates;

/// <summary>
/// Whether a unit still owes a measure's report for a period, judged from the unit's stored reports of that measure
/// (latest versions, every period): it owes nothing when it reported that period, or when its latest report (newest
/// period, then newest submission) says 已完成, since a finished measure is not asked to report again. The overview
/// and <c>ReportedUnits.UnitsNotOwingAsync</c> (reminders, overdue summary) both use it.
/// </summary>
public static class OwedReports
{
    /// <summary>The unit's newest report: of the newest period, then the newest submission (a late report for an earlier period does not hide the current one).</summary>
    public static ProgressUpdate? Latest(IEnumerable<ProgressUpdate> unitReports) =>
        unitReports.OrderByDescending(r => r.Report.Period, StringComparer.Ordinal).ThenByDescending(r => r.SubmittedAt).FirstOrDefault();

    /// <summary>True when the unit has not reported <paramref name="period"/> and its latest report is not 已完成.</summary>
    public static bool Owes(IReadOnlyCollection<ProgressUpdate> unitReports, string period) =>
        !unitReports.Any(r => r.Report.Period == period) && Latest(unitReports)?.Report.Status != UpdateStatus.Completed;
}
