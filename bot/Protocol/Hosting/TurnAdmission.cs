using System.Threading.RateLimiting;

namespace GiBot.Protocol.Hosting;

/// <summary>
/// Bounds the turns in flight, background ones included: a turn holds its slot until it ends, not
/// only until the HTTP answer. Beyond the limit a request waits in a FIFO queue for at most
/// <see cref="TurnAdmissionOptions.QueueTimeout"/>; when the queue is full or the wait runs out it is
/// refused (503) before anything about it was recorded, so the channel's retry is handled as new.
/// Overload then costs some callers a retry instead of costing every caller memory and latency.
/// </summary>
public sealed class TurnAdmission(TurnAdmissionOptions options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.MaxTurnsInFlight,
        QueueLimit = options.QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private static readonly long ReportEvery = TimeSpan.FromSeconds(10).Ticks;

    private long _refused;
    private long _lastReport = -ReportEvery;

    public TurnAdmissionOptions Options => options;

    /// <summary>
    /// Counts a refusal; returns the total refused since start when a report is due (at most one per 10 s,
    /// so an overloaded bot does not also spend itself on log lines), otherwise 0.
    /// </summary>
    public long CountRefusal()
    {
        var total = Interlocked.Increment(ref _refused);
        var now = Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
        var last = Interlocked.Read(ref _lastReport);
        if (now - last < ReportEvery || Interlocked.CompareExchange(ref _lastReport, now, last) != last)
        {
            return 0;
        }
        return total;
    }

    /// <summary>A slot to dispose when the turn ends, or null when the bot is too busy.</summary>
    public async ValueTask<RateLimitLease?> TryEnterAsync(CancellationToken cancellationToken)
    {
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }
        lease.Dispose();
        if (options.QueueLimit == 0 || options.QueueTimeout == TimeSpan.Zero)
        {
            return null;
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.QueueTimeout);
        try
        {
            lease = await _limiter.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        if (lease.IsAcquired)
        {
            return lease;
        }
        lease.Dispose();
        return null;
    }

    public void Dispose() => _limiter.Dispose();
}
