using GiBot.Reminders.Schedule;
using GiBot.Storage;

namespace GiBot.Reminders;

/// <summary>
/// One measure in a person's reminder digest: the plan (measure, unit, period, rung) and its reporting window.
/// <see cref="LateLiaisons"/> is null for people who report (they get the reporting buttons); for a unit head it
/// names the unit's liaisons who have not reported, and the head is asked to follow up instead.
/// </summary>
public sealed record DigestRow(ReminderPlan Plan, ReportingWindow Window, IReadOnlyList<string>? LateLiaisons = null)
{
    public bool ForHead => LateLiaisons is not null;
}
