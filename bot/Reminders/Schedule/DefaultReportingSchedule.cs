using GiBot.Updates;

namespace GiBot.Reminders.Schedule;

/// <summary>
/// The schedule before per-measure cycles exist: every measure follows the <c>Updates:Cycle</c> period, due on
/// day 25 at 17:00 Beijing time of the period's last month, moved back to the previous working day.
/// </summary>
public sealed class DefaultReportingSchedule(UpdateOptions options, WorkingDayCalendar calendar) : IReportingSchedule
{
    private static readonly TimeOnly DueTime = new(17, 0);
    private const int DueDay = 25;

    public ReportingWindow Current(int measure, DateTimeOffset now)
    {
        var period = ReportingPeriod.Current(options, now);
        return Find(measure, period)!;
    }

    public ReportingWindow? Find(int measure, string period)
    {
        if (!ReportingPeriod.IsValid(period, options.Cycle)) return null;
        var year = int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture);
        var (firstMonth, lastMonth) = options.Cycle == ReportingCycle.Quarterly
            ? ((period[6] - '1') * 3 + 1, (period[6] - '1') * 3 + 3)
            : (int.Parse(period[5..], System.Globalization.CultureInfo.InvariantCulture), int.Parse(period[5..], System.Globalization.CultureInfo.InvariantCulture));
        var opens = new DateTimeOffset(new DateOnly(year, firstMonth, 1), TimeOnly.MinValue, options.UtcOffset);
        var dueDay = calendar.OnOrBefore(new DateOnly(year, lastMonth, DueDay));
        var due = new DateTimeOffset(dueDay, DueTime, options.UtcOffset);
        return new ReportingWindow(measure, period, opens.ToUniversalTime(), due.ToUniversalTime());
    }
}
