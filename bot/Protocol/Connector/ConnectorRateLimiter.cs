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
/// A window allowing more than <see cref="CallLog.MostTimesKept"/> calls (by default only the hourly one) is the
/// exception: it is counted per sixtieth of its length (<see cref="SlottedCallWindow"/>), erring late, so a
/// conversation's log stays small.
/// Teams counts a call when it arrives, so <see cref="ReserveAsync"/> counts it at once but fixes its time
/// only once it went on the wire and was answered (<see cref="ConnectorPermit"/>): a call delayed after the
/// limiter let it through (a new connection, a TLS handshake, a cold start, a busy connector) then holds back
/// the calls after it by as much, instead of arriving late and letting the next window's calls arrive too early.
/// Reads (members, channels) count against the same windows as sends: Teams documents twice the send
/// limits for them and says every request is subject to the same policy, so this errs on the safe side.
/// One lock guards every log; a call that need not wait takes it once and never awaits.
/// </remarks>
public sealed class ConnectorRateLimiter
{
    private const string AllConversations = "(all conversations)";

    private readonly object _lock = new();
    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly CallLog _global;
    private readonly SemaphoreSlim _globalGate = new(1, 1);
    private readonly IReadOnlyList<RateWindow> _perConversation;
    private readonly TimeSpan _margin;
    private readonly int _queueLimit;
    private readonly CallCountedAt _countAt;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _origin;
    private TimeSpan _lastSweep;

    /// <summary>Callers past their conversation's windows that wait for the app-wide one; guarded by the lock.</summary>
    private int _globalQueued;

    /// <summary>Callers asleep until a window opens; guarded by the lock.</summary>
    private int _waitingForTime;

    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider time, ILogger<ConnectorRateLimiter>? logger = null)
    {
        _logger = logger ?? NullLogger<ConnectorRateLimiter>.Instance;
        var limits = options.Value.RateLimits;
        _perConversation = limits.EffectivePerConversation;
        // Counted from its answer, a call is never counted earlier than Teams counted it: no margin is needed then.
        _margin = limits.CountAt == CallCountedAt.Sent ? limits.WindowMargin : TimeSpan.Zero;
        _queueLimit = limits.QueueLimit;
        _countAt = limits.CountAt;
        _time = time;
        _origin = time.GetTimestamp();
        _global = new CallLog(limits.EffectiveGlobal, _margin);
    }

    /// <summary>Conversations with recent calls or waiting callers (for tests and diagnostics).</summary>
    public int ActivePartitions
    {
        get
        {
            lock (_lock)
            {
                return _partitions.Count;
            }
        }
    }

    /// <summary>Callers asleep until a window opens (not those waiting for an earlier call to be sent); for tests and diagnostics.</summary>
    public int WaitingForTime
    {
        get
        {
            lock (_lock)
            {
                return _waitingForTime;
            }
        }
    }

    /// <summary>Waits until one more call to <paramref name="key"/> keeps every limit, then counts it as sent now.</summary>
    /// <exception cref="ConnectorException">429 with code <c>LocalQueueFull</c> when too many calls already wait.</exception>
    public ValueTask AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var permit = ReserveAsync(key, cancellationToken);
        if (permit.IsCompletedSuccessfully)
        {
            permit.Result.Dispose();
            return ValueTask.CompletedTask;
        }
        return CountWhenAcquiredAsync(permit);

        static async ValueTask CountWhenAcquiredAsync(ValueTask<ConnectorPermit> pending) => (await pending).Dispose();
    }

    /// <summary>
    /// Waits until one more call to <paramref name="key"/> keeps every limit and counts it; its time is fixed
    /// from when it was <see cref="ConnectorPermit.Sent"/> and when its permit was disposed (answered), see
    /// <see cref="ConnectorPermit"/>. Until then it fills its windows, so the calls after it wait.
    /// </summary>
    /// <exception cref="ConnectorException">429 with code <c>LocalQueueFull</c> when too many calls already wait.</exception>
    public ValueTask<ConnectorPermit> ReserveAsync(string key, CancellationToken cancellationToken)
    {
        Partition partition;
        lock (_lock)
        {
            var now = Now();
            SweepIdle(now);
            if (!_partitions.TryGetValue(key, out partition!))
            {
                partition = new Partition(new CallLog(_perConversation, _margin));
                _partitions[key] = partition;
            }
            if (partition.Queued == 0 && _globalQueued == 0
                && partition.Log.WaitBefore(now) == TimeSpan.Zero && _global.WaitBefore(now) == TimeSpan.Zero)
            {
                return ValueTask.FromResult(Take(partition));
            }
            if (partition.Queued > _queueLimit)
            {
                throw new ConnectorException(HttpStatusCode.TooManyRequests, "LocalQueueFull",
                    $"More than {_queueLimit} connector calls are already waiting for conversation '{key}'.");
            }
            partition.Queued++;
        }
        return QueueAsync(partition, key, cancellationToken);
    }

    /// <summary>
    /// The slow path, in arrival order: first through the conversation's gate and windows, then through the
    /// app-wide gate and window. While anyone waits here the fast path is closed to that conversation (and,
    /// at the app-wide stage, to all), so only the gate holders record and the windows they waited for stay open.
    /// </summary>
    private async ValueTask<ConnectorPermit> QueueAsync(Partition partition, string key, CancellationToken cancellationToken)
    {
        try
        {
            await partition.Gate.WaitAsync(cancellationToken);
            try
            {
                await WaitForWindowsAsync(partition, appWide: false, key, cancellationToken);
                lock (_lock)
                {
                    _globalQueued++;
                }
                try
                {
                    await _globalGate.WaitAsync(cancellationToken);
                    try
                    {
                        return (await WaitForWindowsAsync(partition, appWide: true, AllConversations, cancellationToken))!;
                    }
                    finally
                    {
                        _globalGate.Release();
                    }
                }
                finally
                {
                    lock (_lock)
                    {
                        _globalQueued--;
                    }
                }
            }
            finally
            {
                partition.Gate.Release();
            }
        }
        finally
        {
            lock (_lock)
            {
                partition.Queued--;
            }
        }
    }

    /// <summary>
    /// Waits until the conversation's windows (and with <paramref name="appWide"/> the app's window too) allow
    /// one more call; at the app-wide stage it then takes the call and returns its permit.
    /// </summary>
    private async ValueTask<ConnectorPermit?> WaitForWindowsAsync(Partition partition, bool appWide, string key, CancellationToken cancellationToken)
    {
        var logged = false;
        while (true)
        {
            TimeSpan wait;
            Task asleep;
            bool timed;
            lock (_lock)
            {
                var now = Now();
                var log = partition.Log;
                wait = log.WaitBefore(now);
                if (appWide && wait == TimeSpan.Zero)
                {
                    log = _global;
                    wait = log.WaitBefore(now);
                }
                if (wait == TimeSpan.Zero)
                {
                    return appWide ? Take(partition) : null;
                }
                // Made under the lock, so the timer starts at the time the wait was computed for.
                timed = wait != CallLog.UntilResolved;
                asleep = timed ? Task.Delay(wait, _time, cancellationToken) : log.WhenResolved();
                _waitingForTime += timed ? 1 : 0;
            }
            if (!logged && _logger.IsEnabled(LogLevel.Debug))
            {
                _logger.LogDebug("Connector call for {RateLimitKey} waits {Wait} to stay within Teams' rate limits",
                    key, timed ? wait.ToString() : "until an earlier call is sent");
                logged = true;
            }
            try
            {
                // Timers may fire a millisecond early; the loop asks again until the log agrees.
                await asleep.WaitAsync(cancellationToken);
            }
            finally
            {
                if (timed)
                {
                    lock (_lock)
                    {
                        _waitingForTime--;
                    }
                }
            }
        }
    }

    /// <summary>Counts one call in the partition and app-wide; the caller holds the lock.</summary>
    private ConnectorPermit Take(Partition partition)
    {
        partition.Log.Reserve();
        _global.Reserve();
        return new ConnectorPermit(this, partition, Now());
    }

    internal CallCountedAt CountAt => _countAt;

    /// <summary>Fixes a reserved call's time at <paramref name="at"/> (not later than now).</summary>
    internal void Resolve(Partition partition, TimeSpan at)
    {
        lock (_lock)
        {
            var now = Now();
            partition.Log.Resolve(at, now);
            _global.Resolve(at, now);
        }
    }

    /// <summary>Forgets conversations whose calls no longer matter, at most once a minute; the caller holds the lock.</summary>
    private void SweepIdle(TimeSpan now)
    {
        if (now - _lastSweep < TimeSpan.FromMinutes(1))
        {
            return;
        }
        _lastSweep = now;
        foreach (var (key, partition) in _partitions)
        {
            if (partition.Queued == 0 && partition.Log.IsIdle(now))
            {
                _partitions.Remove(key);
            }
        }
    }

    internal TimeSpan Now() => _time.GetElapsedTime(_origin);

    internal sealed class Partition(CallLog log)
    {
        private SemaphoreSlim? _gate;

        /// <summary>Only the slow path uses it, so most conversations never allocate one.</summary>
        public SemaphoreSlim Gate => LazyInitializer.EnsureInitialized(ref _gate, () => new SemaphoreSlim(1, 1));

        public CallLog Log { get; } = log;

        /// <summary>Callers on the slow path; guarded by the limiter's lock.</summary>
        public int Queued { get; set; }
    }
}
