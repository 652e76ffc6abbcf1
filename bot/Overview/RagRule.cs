using GiBot.Reminders;
using GiBot.Reminders.Schedule;
using GiBot.Storage;
using GiBot.Updates;

namespace GiBot.Overview;

/// <summary>
/// The one rule for a unit's mark on one measure, checked in this order:
/// <list type="number">
/// <item>Red: the unit's latest report flags 重大问题.</item>
/// <item>Green: the latest status is 已完成 (a finished measure is not asked to report again).</item>
/// <item>Red: the unit still owes an earlier period whose deadline has passed (it never reported it).</item>
/// <item>Red: the current period is overdue and the unit has not reported in it.</item>
/// <item>Amber: the latest status is 受阻.</item>
/// <item>Amber: not reported yet and the deadline is at most <c>Overview:AmberWorkingDays</c> working days away
/// (counted on the Chinese working-day calendar, Beijing time).</item>
/// <item>Green otherwise.</item>
/// </list>
/// A measure's mark is the most urgent of its units' marks.
/// </summary>
public sealed class RagRule(OverviewOptions options, WorkingDayCalendar calendar, UpdateOptions updates)
{
    public RagMark Evaluate(ProgressReport? latest, bool reportedThisPeriod, ReportingWindow window, DateTimeOffset now, bool owesOverdueEarlierPeriod = false)
    {
        if (latest is { MajorIssue: true })
        {
            return RagMark.Red;
        }
        if (latest?.Status == UpdateStatus.Completed)
        {
            return RagMark.Green;
        }
        if (owesOverdueEarlierPeriod || (!reportedThisPeriod && window.IsOverdueAt(now)))
        {
            return RagMark.Red;
        }
        if (latest?.Status == UpdateStatus.Blocked)
        {
            return RagMark.Amber;
        }
        if (!reportedThisPeriod && IsDueSoon(window, now))
        {
            return RagMark.Amber;
        }
        return RagMark.Green;
    }

    /// <summary>True from <c>AmberWorkingDays</c> working days before the due day on.</summary>
    public bool IsDueSoon(ReportingWindow window, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(updates.UtcOffset).DateTime);
        var dueDay = DateOnly.FromDateTime(window.DueAt.ToOffset(updates.UtcOffset).DateTime);
        return today >= calendar.AddWorkingDays(dueDay, -options.AmberWorkingDays);
    }

    public static RagMark Worst(IEnumerable<RagMark> marks) => marks.DefaultIfEmpty(RagMark.Green).Max();
}
