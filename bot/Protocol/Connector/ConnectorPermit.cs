namespace GiBot.Protocol.Connector;

/// <summary>
/// One call counted by <see cref="ConnectorRateLimiter.ReserveAsync"/>. Its time in the rate windows is fixed
/// when it is <see cref="Sent"/>, or when it is disposed if it never was (a call that failed before going on
/// the wire still counts, at that moment: the connector may have seen part of it).
/// </summary>
public sealed class ConnectorPermit : IDisposable
{
    private readonly ConnectorRateLimiter _limiter;
    private readonly ConnectorRateLimiter.Partition _partition;
    private int _sent;

    internal ConnectorPermit(ConnectorRateLimiter limiter, ConnectorRateLimiter.Partition partition)
    {
        _limiter = limiter;
        _partition = partition;
    }

    /// <summary>The request is going on the wire now; later calls are spaced from this moment. Only the first call counts.</summary>
    public void Sent()
    {
        if (Interlocked.Exchange(ref _sent, 1) == 0)
        {
            _limiter.Resolve(_partition);
        }
    }

    public void Dispose() => Sent();
}
