using GiBot.Protocol.Turns;

namespace GiBot.Storage;

/// <summary>
/// Repeats are recognised across instances and restarts. This process's own memory answers first
/// (a repeat seen here costs no database round trip); a first sighting is then recorded in storage,
/// which catches repeats another instance or an earlier run of this one handled. The storage write is
/// not flushed to disk before the turn runs (<see cref="IProcessedActivityStore"/>): a process crash
/// keeps it, a power loss may lose the last ones, and the cost of that is at most one repeated reply.
/// While storage is down the memory check alone decides, so the turn can still run and tell the user
/// the bot is temporarily unavailable.
/// </summary>
public sealed partial class StorageActivityDeduplicator(IProcessedActivityStore store, MemoryActivityDeduplicator memory, ILogger<StorageActivityDeduplicator> logger) : IActivityDeduplicator
{
    public async ValueTask<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        if (!await memory.TryBeginAsync(conversationId, activityId, cancellationToken))
        {
            return false;
        }
        try
        {
            return await store.TryRecordAsync(conversationId, activityId, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            LogFallback(logger, e.Message);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity deduplication fell back to this process only: {Reason}")]
    private static partial void LogFallback(ILogger logger, string reason);
}
