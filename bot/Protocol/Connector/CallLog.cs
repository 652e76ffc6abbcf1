namespace GiBot.Protocol.Connector;

/// <summary>
/// The times of the most recent calls of one partition, oldest first, kept only as far back as the
/// longest window and as many as the largest limit among the windows kept exactly, plus the calls counted but not yet sent
/// (<see cref="Reserve"/>: their time is fixed by <see cref="Resolve"/> when they go on the wire).
/// Answers how long until one more call keeps every window within its limit: exactly, except for a window
/// allowing more than <see cref="MostTimesKept"/> calls, which is counted per slot (<see cref="SlottedCallWindow"/>,
/// erring late) so that what a partition keeps does not grow with Teams' hourly limit.
/// Not thread-safe; its owner serialises access and passes a clock that never goes back
/// (a resolved call may carry an earlier time; it is sorted in).
/// </summary>
internal sealed class CallLog
{
    /// <summary>What <see cref="WaitBefore"/> answers when only a call still unsent can free a window.</summary>
    public static readonly TimeSpan UntilResolved = TimeSpan.MaxValue;

    /// <summary>Windows up to this limit keep each call's time (Teams' 7/1 s, 8/2 s, 60/30 s and 50/s per app).</summary>
    public const int MostTimesKept = 64;

    private readonly (int Limit, TimeSpan Span)[] _windows;
    private readonly SlottedCallWindow[] _slotted;
    private readonly int _keep;
    private readonly TimeSpan _horizon;
    private TimeSpan[] _ring = new TimeSpan[8];
    private int _head;
    private int _count;
    private int _pending;
    private TaskCompletionSource? _resolved;

    public CallLog(IReadOnlyList<RateWindow> windows, TimeSpan margin)
    {
        _windows = windows.Where(w => w.PermitLimit <= MostTimesKept).Select(w => (w.PermitLimit, w.Window + margin)).ToArray();
        _slotted = windows.Where(w => w.PermitLimit > MostTimesKept).Select(w => new SlottedCallWindow(w.PermitLimit, w.Window + margin)).ToArray();
        _keep = _windows.Length == 0 ? 0 : _windows.Max(w => w.Limit);
        _horizon = _windows.Length == 0 ? TimeSpan.Zero : _windows.Max(w => w.Span);
    }

    /// <summary>Calls counted whose time is not fixed yet.</summary>
    public int Pending => _pending;

    /// <summary>
    /// Zero when a call may go now; <see cref="UntilResolved"/> when a window is full of calls not yet
    /// sent; otherwise the wait until the oldest blocking call leaves its window.
    /// </summary>
    public TimeSpan WaitBefore(TimeSpan now)
    {
        var wait = TimeSpan.Zero;
        foreach (var (limit, span) in _windows)
        {
            // Unsent calls are the newest and stay inside every window until they are sent.
            if (_pending >= limit)
            {
                return UntilResolved;
            }
            // With N calls allowed per window, the N-th most recent call must have left the window.
            var newest = limit - _pending;
            if (_count < newest)
            {
                continue;
            }
            var leaves = At(_count - newest) + span;
            if (leaves > now + wait)
            {
                wait = leaves - now;
            }
        }
        foreach (var window in _slotted)
        {
            var slotWait = window.WaitBefore(now, _pending);
            if (slotWait > wait)
            {
                wait = slotWait;
            }
        }
        return wait;
    }

    /// <summary>Counts a call sent at <paramref name="now"/>.</summary>
    public void Record(TimeSpan now)
    {
        Append(now);
        Trim(now);
        Count(now);
    }

    /// <summary>Counts a call whose time is fixed later by <see cref="Resolve"/>; until then it fills every window.</summary>
    public void Reserve() => _pending++;

    /// <summary>A reserved call counts from <paramref name="at"/> (at most <paramref name="now"/>); wakes a caller waiting for it.</summary>
    public void Resolve(TimeSpan at, TimeSpan now)
    {
        _pending--;
        Append(at);
        // Calls are resolved in the order their answers came in, not always in the order of their times.
        for (var i = _count - 1; i > 0 && At(i - 1) > at; i--)
        {
            Set(i, At(i - 1));
            Set(i - 1, at);
        }
        Trim(now);
        Count(at);
        var resolved = _resolved;
        _resolved = null;
        resolved?.TrySetResult();
    }

    /// <summary>Completes at the next <see cref="Resolve"/>.</summary>
    public Task WhenResolved() =>
        (_resolved ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>True when no recorded or reserved call can still hold back a future one.</summary>
    public bool IsIdle(TimeSpan now)
    {
        if (_pending > 0 || (_count > 0 && At(_count - 1) > now - _horizon))
        {
            return false;
        }
        foreach (var window in _slotted)
        {
            if (!window.HasNoneInside(now))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Room for call times (for tests: it must not grow with the slotted windows' limits).</summary>
    internal int TimesCapacity => _ring.Length;

    private void Count(TimeSpan at)
    {
        foreach (var window in _slotted)
        {
            window.Add(at);
        }
    }

    private TimeSpan At(int index) => _ring[(_head + index) % _ring.Length];

    private void Set(int index, TimeSpan time) => _ring[(_head + index) % _ring.Length] = time;

    private void Append(TimeSpan time)
    {
        if (_count == _ring.Length)
        {
            var larger = new TimeSpan[_ring.Length * 2];
            for (var i = 0; i < _count; i++)
            {
                larger[i] = At(i);
            }
            _ring = larger;
            _head = 0;
        }
        _ring[(_head + _count) % _ring.Length] = time;
        _count++;
    }

    private void Trim(TimeSpan now)
    {
        while (_count > 0 && (_count > _keep || _ring[_head] <= now - _horizon))
        {
            _head = (_head + 1) % _ring.Length;
            _count--;
        }
    }
}
