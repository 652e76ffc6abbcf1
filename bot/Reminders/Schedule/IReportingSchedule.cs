namespace GiBot.Reminders.Schedule;

/// <summary>
/// When each measure reports: its periods and their deadlines. Reminders, the update dialog (which period a
/// report belongs to) and the overview (red/amber/green, "本期未报送") all ask this one place.
/// </summary>
public interface IReportingSchedule
{
    /// <summary>The period open at <paramref name="now"/> for the measure: the one a report made now belongs to.</summary>
    ReportingWindow Current(int measure, DateTimeOffset now);

    /// <summary>The window of a named period (e.g. <c>2026-11</c>), or null when the measure has no such period.</summary>
    ReportingWindow? Find(int measure, string period);
}
