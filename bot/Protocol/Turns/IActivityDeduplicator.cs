using Microsoft.Extensions.Caching.Memory;

namespace GiBot.Protocol.Turns;

/// <summary>Teams may deliver the same activity twice; each id is handled once within the window.</summary>
public interface IActivityDeduplicator
{
    /// <summary>True the first time an id is seen within the window; false for a repeat.</summary>
    ValueTask<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>
    /// The turn for this id ran to its end. A store shared across restarts records the id only now, so a
    /// delivery whose turn died with the process (kill, crash) is handled again when the channel retries it.
    /// </summary>
    ValueTask CompleteAsync(string conversationId, string activityId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>Per-process deduplication; the storage layer provides one shared by several instances.</summary>
public sealed class MemoryActivityDeduplicator(IMemoryCache cache, TimeProvider time) : IActivityDeduplicator
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();

    public ValueTask<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var key = ("activity", conversationId, activityId);
        lock (_gate)
        {
            if (cache.TryGetValue(key, out _))
            {
                return ValueTask.FromResult(false);
            }
            cache.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpiration = time.GetUtcNow() + Window, Size = 1 });
            return ValueTask.FromResult(true);
        }
    }
}
