namespace GiBot.Reminders.Schedule;

/// <summary>
/// One reporting period of one measure. <see cref="Opens"/> and <see cref="DueAt"/> are UTC instants;
/// <see cref="DueAt"/> has already been moved to a working day when the configuration asks for it.
/// </summary>
public sealed record ReportingWindow(int Measure, string Period, DateTimeOffset Opens, DateTimeOffset DueAt)
{
    public bool IsOverdueAt(DateTimeOffset now) => now > DueAt;
}
