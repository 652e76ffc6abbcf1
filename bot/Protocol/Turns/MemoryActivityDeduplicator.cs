namespace GiBot.Protocol.Turns;

/// <summary>
/// Activity ids this process has seen, each kept as a 128-bit hash of its conversation and activity id
/// (<see cref="ActivityKey"/>), not as the two strings: an entry then lives in the table's arrays, and the
/// strings of a turn die with it instead of surviving into the GC's oldest generation for the grace. An id is held while its turn runs; after that it is kept for the
/// <see cref="Window"/> only when nothing durable knows it (<see cref="Remember"/>: no store, storage down, turn
/// stopped), and for a short <see cref="Grace"/> once a store recorded it (<see cref="Recorded"/>: from then on
/// the store answers repeats). Expired ids are swept on each call, oldest first, so no timer and no cache entry
/// per id; ids kept for the window are capped at <see cref="MaxRemembered"/> (the oldest go first).
/// </summary>
public sealed class MemoryActivityDeduplicator(TimeProvider time) : IActivityDeduplicator
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>
    /// After the store recorded an id it answers every later lookup, so the memory is not needed; the grace covers a
    /// repeat arriving right behind while the store's lookup fails (the lookup's failure lets a turn through).
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>About 60 bytes each (table and queue): ~6 MB at most, reached only without a working store.</summary>
    public const int MaxRemembered = 100_000;

    private const long Running = long.MaxValue;

    private readonly Lock _gate = new();
    private readonly long _origin = time.GetTimestamp();
    private readonly Dictionary<ActivityKey, long> _expiresAt = [];
    private readonly Queue<(ActivityKey Key, long ExpiresAt)> _graceQueue = new();
    private readonly Queue<(ActivityKey Key, long ExpiresAt)> _windowQueue = new();

    /// <summary>Ids held now: running turns and those not yet expired.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Sweep(Now());
                return _expiresAt.Count;
            }
        }
    }

    public ValueTask<bool> TryBeginAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken)
    {
        var key = ActivityKey.Of(conversationId, activityId);
        lock (_gate)
        {
            Sweep(Now());
            return ValueTask.FromResult(_expiresAt.TryAdd(key, Running));
        }
    }

    /// <summary>Without a store, a finished turn's id is kept for the window.</summary>
    public ValueTask CompleteAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken)
    {
        Remember(conversationId, activityId);
        return ValueTask.CompletedTask;
    }

    public void Abandon(string conversationId, string activityId) => Remember(conversationId, activityId);

    /// <summary>A store recorded the id: keep it only for the <see cref="Grace"/>.</summary>
    public void Recorded(string conversationId, string activityId) => Expire(ActivityKey.Of(conversationId, activityId), Grace, _graceQueue);

    /// <summary>Nothing durable knows the id: keep it for the <see cref="Window"/>.</summary>
    public void Remember(string conversationId, string activityId) => Expire(ActivityKey.Of(conversationId, activityId), Window, _windowQueue);

    /// <summary>The turn never started (its lookup failed): a retry is new.</summary>
    public void Forget(string conversationId, string activityId)
    {
        var key = ActivityKey.Of(conversationId, activityId);
        lock (_gate)
        {
            _expiresAt.Remove(key);
        }
    }

    private void Expire(ActivityKey key, TimeSpan after, Queue<(ActivityKey, long)> queue)
    {
        lock (_gate)
        {
            var now = Now();
            var expiresAt = now + after.Ticks;
            // Only an id still held: one swept or forgotten meanwhile is not brought back.
            if (_expiresAt.ContainsKey(key))
            {
                _expiresAt[key] = expiresAt;
                queue.Enqueue((key, expiresAt));
            }
            while (_windowQueue.Count > MaxRemembered)
            {
                Drop(_windowQueue.Dequeue());
            }
            Sweep(now);
        }
    }

    private void Sweep(long now)
    {
        SweepQueue(_graceQueue, now);
        SweepQueue(_windowQueue, now);
    }

    private void SweepQueue(Queue<(ActivityKey Key, long ExpiresAt)> queue, long now)
    {
        while (queue.TryPeek(out var head) && head.ExpiresAt <= now)
        {
            Drop(queue.Dequeue());
        }
    }

    /// <summary>Removes the id unless it was given a new expiry since this entry was queued.</summary>
    private void Drop((ActivityKey Key, long ExpiresAt) entry)
    {
        if (_expiresAt.TryGetValue(entry.Key, out var current) && current == entry.ExpiresAt)
        {
            _expiresAt.Remove(entry.Key);
        }
    }

    /// <summary>Ticks on the monotonic clock: a wall-clock step must not expire held ids early.</summary>
    private long Now() => time.GetElapsedTime(_origin).Ticks;
}
