namespace GiBot.Reminders.Schedule;

/// <summary>
/// One reporting period of one measure. <see cref="Opens"/> and <see cref="DueAt"/> are UTC instants;
/// <see cref="DueAt"/> has already been moved to a working day when the configuration asks for it.
/// </summary>
public sealed record ReportingWindow(int Measure, string Period, DateTimeOffset Opens, DateTimeOffset DueAt)
{
    /// <summary>
    /// How far ahead a deadline may be for a report named for its period by a button to be taken: reminders come a few
    /// working days before it, possibly before the period opens. Anything later is a forged or stale button.
    /// </summary>
    public static readonly TimeSpan ReportableAhead = TimeSpan.FromDays(45);

    public bool IsOverdueAt(DateTimeOffset now) => now > DueAt;

    public bool IsReportableAt(DateTimeOffset now) => DueAt <= now + ReportableAhead;
}
