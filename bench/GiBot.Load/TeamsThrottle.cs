using System.Diagnostics;

namespace GiBot.Load;

/// <summary>
/// Teams' documented send limits as the service applies them: per conversation 7 in 1 s, 8 in 2 s,
/// 60 in 30 s, 1800 in an hour, and 50 per second for the app. A call over any of them is refused
/// (429 with Retry-After in whole seconds, as Teams sends it) and not counted; accepted calls are.
/// Exact sliding logs, no margin: the bot must keep the limits, not the fake.
/// </summary>
public sealed class TeamsThrottle
{
    private static readonly (int Limit, long Window)[] PerConversation =
    [
        (7, PreciseClock.FromSeconds(1)),
        (8, PreciseClock.FromSeconds(2)),
        (60, PreciseClock.FromSeconds(30)),
        (1800, PreciseClock.FromSeconds(3600)),
    ];

    private static readonly (int Limit, long Window)[] PerApp = [(GlobalLimit, PreciseClock.FromSeconds(1))];

    public const int GlobalLimit = 50;

    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<long>> _conversations = new(StringComparer.Ordinal);
    private readonly Queue<long> _app = new();
    private int _refused;

    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Null when the call is accepted (and counted), otherwise the Retry-After in seconds.</summary>
    public int? TryAccept(string conversationId) =>
        WaitTicks(conversationId, Stopwatch.GetTimestamp()) is var wait && wait > 0
            ? (int)Math.Ceiling(PreciseClock.ToMilliseconds(wait) / 1000)
            : null;

    /// <summary>
    /// At <paramref name="now"/> (Stopwatch ticks, never earlier than a previous call): 0 when the call is
    /// accepted and counted, otherwise the ticks until it would fit and it is counted as refused.
    /// </summary>
    public long WaitTicks(string conversationId, long now)
    {
        lock (_gate)
        {
            if (!_conversations.TryGetValue(conversationId, out var log))
            {
                log = new Queue<long>();
                _conversations[conversationId] = log;
            }
            var wait = Math.Max(WaitFor(log, PerConversation, now), WaitFor(_app, PerApp, now));
            if (wait > 0)
            {
                Interlocked.Increment(ref _refused);
                return wait;
            }
            log.Enqueue(now);
            _app.Enqueue(now);
            return 0;
        }
    }

    /// <summary>Ticks until one more call fits every window of the log (0 if it fits now); drops expired entries.</summary>
    private static long WaitFor(Queue<long> log, (int Limit, long Window)[] windows, long now)
    {
        var longest = windows[^1].Window;
        while (log.Count > 0 && log.Peek() <= now - longest)
        {
            log.Dequeue();
        }
        long wait = 0;
        foreach (var (limit, window) in windows)
        {
            // The call would be the (limit+1)th within the window if the limit-th newest is still inside it.
            if (log.Count >= limit && log.ElementAt(log.Count - limit) is var oldest && oldest > now - window)
            {
                wait = Math.Max(wait, oldest + window - now);
            }
        }
        return wait;
    }
}
