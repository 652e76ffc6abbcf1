namespace GiBot.Protocol.Connector;

/// <summary>
/// The Bot Connector's clock as its answers show it (the HTTP <c>Date</c> header). An answer to a request sent at a
/// moment of ours was dated on the connector's side after that moment, and <c>Date</c> drops the fraction of its second,
/// so "<c>Date</c> + 1 s" is a time on the Teams side's clock that certainly came after it, whatever the two clocks' offset.
/// One answer per second is read (parsing the header of every answer would cost each reply). Used by
/// <see cref="GiBot.Storage.RecordedHereFilter"/> to tell activities stamped after a moment of this process.
/// </summary>
public sealed class ConnectorClock(TimeProvider time)
{
    /// <summary>At most one <c>Date</c> header is read per this interval.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan DateResolution = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private long _sampledAt = long.MinValue;
    private long _sentAt;
    private DateTimeOffset _after;
    private bool _any;

    /// <summary>An answer to a request sent at <paramref name="sentAt"/> (a <see cref="TimeProvider.GetTimestamp"/> of this process).</summary>
    public void Observe(long sentAt, HttpResponseMessage response)
    {
        var now = time.GetTimestamp();
        if (_any && time.GetElapsedTime(Volatile.Read(ref _sampledAt), now) < SampleInterval)
        {
            return;
        }
        if (response.Headers.Date is not { } date)
        {
            return;
        }
        lock (_gate)
        {
            Volatile.Write(ref _sampledAt, now);
            if (!_any || sentAt > _sentAt)
            {
                _sentAt = sentAt;
                _after = date + DateResolution;
                _any = true;
            }
        }
    }

    /// <summary>
    /// A time on the connector's clock later than the moment <paramref name="since"/> of this process, when the latest
    /// answer read was to a request sent at or after it; otherwise null (ask again later: answers keep coming).
    /// </summary>
    public DateTimeOffset? TimeAfter(long since)
    {
        lock (_gate)
        {
            return _any && _sentAt >= since ? _after : null;
        }
    }
}
