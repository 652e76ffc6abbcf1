using GiBot.Protocol.Turns;

namespace GiBot.Storage;

/// <summary>
/// Repeats are recognised across instances and restarts. While storage is down, falls back to the
/// per-process check so the turn can still run and tell the user the bot is temporarily unavailable.
/// </summary>
public sealed partial class StorageActivityDeduplicator(IProcessedActivityStore store, MemoryActivityDeduplicator fallback, ILogger<StorageActivityDeduplicator> logger) : IActivityDeduplicator
{
    public async ValueTask<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        try
        {
            var first = await store.TryRecordAsync(conversationId, activityId, cancellationToken);
            // Keep the local record in step, so a fallback during an outage still knows this id.
            await fallback.TryBeginAsync(conversationId, activityId, cancellationToken);
            return first;
        }
        catch (StorageUnavailableException e)
        {
            LogFallback(logger, e.Message);
            return await fallback.TryBeginAsync(conversationId, activityId, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity deduplication fell back to this process only: {Reason}")]
    private static partial void LogFallback(ILogger logger, string reason);
}
