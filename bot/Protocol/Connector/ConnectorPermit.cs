namespace GiBot.Protocol.Connector;

/// <summary>
/// One call counted by <see cref="ConnectorRateLimiter.ReserveAsync"/>; until its time is fixed it fills its
/// windows. Teams counts the call somewhere between the moment it is <see cref="Sent"/> and the moment its
/// answer (or failure) is in, when the permit is disposed. With <see cref="CallCountedAt.Answered"/> its time
/// is the moment it was answered: Teams cannot have counted an answered call later, and the next call cannot reach Teams
/// before it leaves, so the windows need no margin. With <see cref="CallCountedAt.Sent"/> it is the moment it
/// was sent, and the windows add <see cref="ConnectorRateLimitOptions.WindowMargin"/> for network jitter.
/// </summary>
public sealed class ConnectorPermit : IDisposable
{
    private readonly ConnectorRateLimiter _limiter;
    private readonly ConnectorRateLimiter.Partition _partition;
    private readonly TimeSpan _reserved;
    private long _sentTicks = -1;
    private int _resolved;

    internal ConnectorPermit(ConnectorRateLimiter limiter, ConnectorRateLimiter.Partition partition, TimeSpan reserved)
    {
        _limiter = limiter;
        _partition = partition;
        _reserved = reserved;
    }

    /// <summary>The request is going on the wire now. Only the first call counts.</summary>
    public void Sent()
    {
        var now = _limiter.Now();
        if (Interlocked.CompareExchange(ref _sentTicks, now.Ticks, -1) == -1 && _limiter.CountAt == CallCountedAt.Sent)
        {
            Resolve(now);
        }
    }

    /// <summary>The answer (or the failure) is in.</summary>
    public void Dispose()
    {
        var sent = Interlocked.Read(ref _sentTicks) is var ticks && ticks >= 0 ? TimeSpan.FromTicks(ticks) : _reserved;
        var answered = _limiter.Now();
        Resolve(answered > sent ? answered : sent);
    }

    private void Resolve(TimeSpan at)
    {
        if (Interlocked.Exchange(ref _resolved, 1) == 0)
        {
            _limiter.Resolve(_partition, at);
        }
    }
}
