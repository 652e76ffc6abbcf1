namespace GiBot.Storage;

/// <summary>
/// Durable relay outbox shared by every instance. A message is claimed by one claimer at a time
/// (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>; SQLite: one write transaction) for a lease; if the
/// claimer dies, the lease runs out and another claimer retries it.
/// </summary>
public interface IRelayOutbox
{
    /// <summary>False when a message with the same dedup key exists.</summary>
    Task<bool> EnqueueAsync(NewOutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Due, unclaimed (or lease-expired) messages, oldest first; each claim counts as an attempt.</summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string claimer, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Records the id the connector returned, at once after posting, so a retry updates instead of reposting.
    /// False when an id was already recorded (the first one is kept).
    /// </summary>
    Task<bool> RecordPostedAsync(long id, string activityId, CancellationToken cancellationToken);

    /// <summary>Done. False when the claim was lost (lease expired and taken by another claimer).</summary>
    Task<bool> CompleteAsync(long id, string claimToken, CancellationToken cancellationToken);

    /// <summary>Releases the claim and tries again at <paramref name="nextAttemptAt"/> (e.g. after Retry-After).</summary>
    Task<bool> RetryLaterAsync(long id, string claimToken, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Stops retrying: the failure needs a person (bot removed, channel deleted).</summary>
    Task<bool> GiveUpAsync(long id, string claimToken, string reason, CancellationToken cancellationToken);

    Task<OutboxMessage?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Messages given up on, newest first, to report to admins.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListGivenUpAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Puts every given-up message back in the queue, due now with a fresh attempt count, once a person has
    /// fixed the cause (e.g. chose a new channel). Returns how many.
    /// </summary>
    Task<int> RequeueGivenUpAsync(CancellationToken cancellationToken);

    /// <summary>Messages neither done nor given up.</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken);
}
