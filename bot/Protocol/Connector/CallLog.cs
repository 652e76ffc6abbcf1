namespace GiBot.Protocol.Connector;

/// <summary>
/// The times of the most recent calls of one partition, oldest first, kept only as far back as the
/// longest window and as many as the largest limit. Answers exactly: how long until one more call
/// keeps every window within its limit. Not thread-safe; its owner serialises access.
/// </summary>
internal sealed class CallLog(IReadOnlyList<RateWindow> windows, TimeSpan margin)
{
    private readonly List<TimeSpan> _times = [];
    private readonly int _keep = windows.Max(w => w.PermitLimit);
    private readonly TimeSpan _horizon = windows.Max(w => w.Window) + margin;

    /// <summary>Zero when a call may go now; otherwise the wait until the oldest blocking call leaves its window.</summary>
    public TimeSpan WaitBefore(TimeSpan now)
    {
        var wait = TimeSpan.Zero;
        foreach (var window in windows)
        {
            if (_times.Count < window.PermitLimit)
            {
                continue;
            }
            // With N calls allowed per window, the N-th most recent call must have left the window.
            var leaves = _times[_times.Count - window.PermitLimit] + window.Window + margin;
            if (leaves > now + wait)
            {
                wait = leaves - now;
            }
        }
        return wait;
    }

    public void Record(TimeSpan now)
    {
        _times.Add(now);
        var stale = 0;
        while (stale < _times.Count && (_times.Count - stale > _keep || _times[stale] <= now - _horizon))
        {
            stale++;
        }
        _times.RemoveRange(0, stale);
    }

    /// <summary>True when no recorded call can still hold back a future one.</summary>
    public bool IsIdle(TimeSpan now) => _times.Count == 0 || _times[^1] <= now - _horizon;
}
