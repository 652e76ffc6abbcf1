using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GiBot.Protocol.Connector;

/// <summary>
/// Keeps outbound calls inside Teams' limits: each conversation thread within its windows
/// (7/1 s, 8/2 s, 60/30 s, 1800/h by default) and the app within the global window (50/s).
/// A call over a limit waits for its turn, in arrival order per conversation, instead of being refused;
/// only a conversation with more than <see cref="ConnectorRateLimitOptions.QueueLimit"/> waiting calls refuses more.
/// </summary>
/// <remarks>
/// The windows are exact sliding logs rather than <c>System.Threading.RateLimiting</c>'s window limiters:
/// those count per segment (a window of W then really holds only W minus one segment), and chaining
/// several queued limiters takes a permit from the first while still waiting on the next, so the
/// first window counts the call too early. Both let bursts exceed the limits the limiter exists to keep.
/// A call's time is recorded once all its windows and the global one allow it, just before it is sent.
/// Reads (members, channels) count against the same windows as sends: Teams documents twice the send
/// limits for them and says every request is subject to the same policy, so this errs on the safe side.
/// </remarks>
public sealed class ConnectorRateLimiter
{
    private readonly object _partitionsLock = new();
    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly Partition _global;
    private readonly IReadOnlyList<RateWindow> _perConversation;
    private readonly TimeSpan _margin;
    private readonly int _queueLimit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _origin;
    private TimeSpan _lastSweep;

    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider time, ILogger<ConnectorRateLimiter>? logger = null)
    {
        _logger = logger ?? NullLogger<ConnectorRateLimiter>.Instance;
        var limits = options.Value.RateLimits;
        _perConversation = limits.EffectivePerConversation;
        _margin = limits.WindowMargin;
        _queueLimit = limits.QueueLimit;
        _time = time;
        _origin = time.GetTimestamp();
        _global = new Partition(new CallLog(limits.EffectiveGlobal, _margin));
    }

    /// <summary>Conversations with recent calls or waiting callers (for tests and diagnostics).</summary>
    public int ActivePartitions
    {
        get
        {
            lock (_partitionsLock)
            {
                return _partitions.Count;
            }
        }
    }

    /// <summary>Waits until one more call to <paramref name="key"/> keeps every limit, then counts it.</summary>
    /// <exception cref="ConnectorException">429 with code <c>LocalQueueFull</c> when too many calls already wait.</exception>
    public async ValueTask AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var partition = Enter(key);
        try
        {
            await partition.Gate.WaitAsync(cancellationToken);
            try
            {
                await WaitForWindowsAsync(partition.Log, key, cancellationToken);
                await _global.Gate.WaitAsync(cancellationToken);
                try
                {
                    // Time only moves on, so the conversation's windows still allow the call.
                    await WaitForWindowsAsync(_global.Log, "(all conversations)", cancellationToken);
                    var now = Now();
                    partition.Log.Record(now);
                    _global.Log.Record(now);
                }
                finally
                {
                    _global.Gate.Release();
                }
            }
            finally
            {
                partition.Gate.Release();
            }
        }
        finally
        {
            Leave(partition);
        }
    }

    private async Task WaitForWindowsAsync(CallLog log, string key, CancellationToken cancellationToken)
    {
        var waited = false;
        // Timers may fire a millisecond early; ask again until the log agrees.
        while (log.WaitBefore(Now()) is var wait && wait > TimeSpan.Zero)
        {
            if (!waited)
            {
                _logger.LogDebug("Connector call for {RateLimitKey} waits {Wait} to stay within Teams' rate limits", key, wait);
                waited = true;
            }
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private Partition Enter(string key)
    {
        lock (_partitionsLock)
        {
            SweepIdle();
            if (!_partitions.TryGetValue(key, out var partition))
            {
                partition = new Partition(new CallLog(_perConversation, _margin));
                _partitions[key] = partition;
            }
            if (partition.Callers > _queueLimit)
            {
                throw new ConnectorException(HttpStatusCode.TooManyRequests, "LocalQueueFull",
                    $"More than {_queueLimit} connector calls are already waiting for conversation '{key}'.");
            }
            partition.Callers++;
            return partition;
        }
    }

    private void Leave(Partition partition)
    {
        lock (_partitionsLock)
        {
            partition.Callers--;
        }
    }

    /// <summary>Forgets conversations whose calls no longer matter, at most once a minute.</summary>
    private void SweepIdle()
    {
        var now = Now();
        if (now - _lastSweep < TimeSpan.FromMinutes(1))
        {
            return;
        }
        _lastSweep = now;
        foreach (var (key, partition) in _partitions)
        {
            // Callers is only changed under this lock, and the log only while a caller is inside.
            if (partition.Callers == 0 && partition.Log.IsIdle(now))
            {
                _partitions.Remove(key);
            }
        }
    }

    private TimeSpan Now() => _time.GetElapsedTime(_origin);

    private sealed class Partition(CallLog log)
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public CallLog Log { get; } = log;

        /// <summary>Callers inside <see cref="AcquireAsync"/>; guarded by the partitions lock.</summary>
        public int Callers { get; set; }
    }
}
