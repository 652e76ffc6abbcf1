using GiBot.Protocol.Turns;
using GiBot.Storage.Sql;

namespace GiBot.Storage;

/// <summary>
/// Repeats are recognised across instances and restarts. This process's own memory answers first and
/// covers turns still running here (a repeat seen here costs no database round trip); storage then
/// says whether another instance or an earlier run of this one finished the activity. An id is recorded
/// in storage only when its turn ended (<see cref="CompleteAsync"/>): a turn killed half-way is not
/// remembered, so the channel's retry runs it again (features make their writes idempotent, e.g. an
/// update by its draft id). The record is not flushed to disk before the call returns
/// (<see cref="IProcessedActivityStore"/>): losing one to a power loss risks one repeated reply.
/// Once recorded, storage answers repeats and the memory lets the id go after a short grace; while storage
/// is down the memory alone decides and keeps the id for the full window.
/// When this process is the only one writing its SQLite file (<paramref name="fileLock"/>), the
/// <paramref name="filter"/> spares the lookup of activities storage cannot know yet (most of them: new ones).
/// </summary>
public sealed partial class StorageActivityDeduplicator(IProcessedActivityStore store, MemoryActivityDeduplicator memory, ILogger<StorageActivityDeduplicator> logger,
    RecordedHereFilter? filter = null, SqliteFileLock? fileLock = null) : IActivityDeduplicator
{
    public async ValueTask<bool> TryBeginAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken)
    {
        if (!await memory.TryBeginAsync(conversationId, activityId, stampedAt, cancellationToken))
        {
            return false;
        }
        if (FilterInUse is { } inUse && !inUse.MayBeStored(ActivityKey.Of(conversationId, activityId), stampedAt))
        {
            return true;
        }
        bool recorded;
        try
        {
            recorded = await store.WasRecordedAsync(conversationId, activityId, stampedAt, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            LogFallback(logger, e.Message);
            return true;
        }
        catch
        {
            // Nothing ran (e.g. the request was cancelled): the channel's retry is new.
            memory.Forget(conversationId, activityId);
            throw;
        }
        if (recorded)
        {
            // No turn runs for it, so nothing else would end its hold in memory; storage answers from now on.
            memory.Recorded(conversationId, activityId);
        }
        return !recorded;
    }

    public async ValueTask CompleteAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken)
    {
        var recorded = false;
        try
        {
            FilterInUse?.Add(ActivityKey.Of(conversationId, activityId));
            await store.TryRecordAsync(conversationId, activityId, stampedAt, cancellationToken);
            recorded = true;
        }
        catch (StorageUnavailableException e)
        {
            LogFallback(logger, e.Message);
        }
        finally
        {
            if (recorded)
            {
                memory.Recorded(conversationId, activityId);
            }
            else
            {
                memory.Remember(conversationId, activityId);
            }
        }
    }

    public void Abandon(string conversationId, string activityId) => memory.Remember(conversationId, activityId);

    private RecordedHereFilter? FilterInUse => fileLock?.IsHeldAlone == true ? filter : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity deduplication fell back to this process only: {Reason}")]
    private static partial void LogFallback(ILogger logger, string reason);
}
