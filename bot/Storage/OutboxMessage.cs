namespace GiBot.Storage;

/// <summary>
/// A message to deliver later. <see cref="DedupKey"/> is unique: enqueueing the same key twice
/// keeps the first. <see cref="NotBefore"/> delays the first attempt.
/// </summary>
public sealed record NewOutboxMessage(string Kind, string DedupKey, string Payload, DateTimeOffset? NotBefore = null);

/// <summary>
/// A stored outbox message. A claimed one carries the <see cref="ClaimToken"/> that completing,
/// rescheduling or giving up must present; a claim whose lease ran out may be taken by another claimer.
/// </summary>
public sealed record OutboxMessage(
    long Id,
    string Kind,
    string DedupKey,
    string Payload,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    string? ClaimToken,
    DateTimeOffset? LeaseUntil,
    string? PostedActivityId,
    DateTimeOffset? DoneAt,
    DateTimeOffset? FailedAt,
    string? LastError);
