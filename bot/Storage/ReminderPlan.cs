namespace GiBot.Storage;

/// <summary>
/// A reminder to send at <see cref="DueAt"/>. <see cref="Key"/> is unique and names what is sent,
/// e.g. <c>8/zfj/2026-11/T-3</c>, so planning the same reminder twice keeps one and it is never sent twice.
/// </summary>
public sealed record ReminderPlan(string Key, int Measure, string UnitId, string Period, string Step, DateTimeOffset DueAt, string? Payload = null);

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
