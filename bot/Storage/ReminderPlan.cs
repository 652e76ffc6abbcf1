namespace GiBot.Storage;

/// <summary>
/// A reminder to send at <see cref="DueAt"/>. Measure, unit, period and step name it uniquely
/// (<see cref="Key"/>, e.g. <c>8/zfj/2026-11/T-3</c>), so planning the same reminder twice keeps one and it
/// is never sent twice. A snooze or a manual nudge is its own step (e.g. <c>snooze@2026-11-20T06:00Z</c>).
/// </summary>
public sealed record ReminderPlan(int Measure, string UnitId, string Period, string Step, DateTimeOffset DueAt, string? Payload = null)
{
    public string Key => $"{Measure}/{UnitId}/{Period}/{Step}";
}

public static class ReminderStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Cancelled = "cancelled";
}

/// <summary>A stored plan with its state; a claimed one carries the token completing it needs.</summary>
public sealed record ReminderRecord(
    ReminderPlan Plan,
    string Status,
    int Attempts,
    string? ClaimToken,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? SentAt,
    string? LastError);
