namespace GiBot.Storage;

/// <summary>Ids of inbound activities already handled, shared by every instance.</summary>
public interface IProcessedActivityStore
{
    /// <summary>
    /// True the first time; false when any instance recorded this activity before. The record is
    /// committed without waiting for the disk (it survives a process crash, not necessarily a power
    /// loss): losing one only risks answering a redelivered activity twice, and waiting for the disk on
    /// every turn was most of a turn's latency.
    /// <paramref name="stampedAt"/> is the activity's <c>timestamp</c> (the same on a redelivery): ids are kept in its
    /// order (<see cref="LedgerStamp"/>). An id recorded once with a timestamp and once without counts as two.
    /// </summary>
    Task<bool> TryRecordAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken);

    /// <summary>True when any instance recorded this activity with this <paramref name="stampedAt"/> or without one (a read: it takes no write lock).</summary>
    Task<bool> WasRecordedAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken);

    /// <summary>Forgets ids older than <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
