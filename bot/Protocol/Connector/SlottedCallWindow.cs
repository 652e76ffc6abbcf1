namespace GiBot.Protocol.Connector;

/// <summary>
/// One long window (Teams' 1800 calls an hour) counted per slot, a sixtieth of the window, instead of one time
/// per call: a busy conversation then keeps 61 counters instead of up to 1800 times, which at full load
/// grew by megabytes a minute and lived long enough to reach the GC's oldest generation.
/// A call counts as made at the end of its slot, so it leaves the window up to one slot later than it
/// really does and never earlier: the limit is kept, and a caller may wait up to one slot (a minute of an
/// hour) longer than an exact log would make it.
/// Not thread-safe; <see cref="CallLog"/> serialises access. Times are ticks of a clock that never goes back.
/// </summary>
internal sealed class SlottedCallWindow
{
    public const int SlotsPerWindow = 60;

    // One more slot than the window spans: a slot older than these has left the window (see Add).
    private readonly int[] _counts = new int[SlotsPerWindow + 1];
    private readonly long _slotTicks;
    private readonly TimeSpan _span;
    private long _newest = -1;

    public SlottedCallWindow(int limit, TimeSpan span)
    {
        Limit = limit;
        _span = span;
        _slotTicks = Math.Max(1, (span.Ticks + SlotsPerWindow - 1) / SlotsPerWindow);
    }

    public int Limit { get; }

    /// <summary>Counts a call made at <paramref name="at"/>, which may be older than calls counted before (answers come in any order).</summary>
    public void Add(TimeSpan at)
    {
        var slot = at.Ticks / _slotTicks;
        if (slot > _newest)
        {
            // Slots passed over since the newest one are reused: clear what they held.
            var clearFrom = Math.Max(_newest + 1, slot - _counts.Length + 1);
            for (var s = clearFrom; s <= slot; s++)
            {
                _counts[s % _counts.Length] = 0;
            }
            _newest = slot;
        }
        // A slot this old ended at least a window before the newest one began: its calls have left the window.
        if (slot > _newest - _counts.Length)
        {
            _counts[slot % _counts.Length]++;
        }
    }

    /// <summary>
    /// Zero when one more call fits beside <paramref name="unsent"/> calls not yet counted here (the caller
    /// answers for <paramref name="unsent"/> at or over the limit); otherwise the wait until enough slots
    /// have left the window.
    /// </summary>
    public TimeSpan WaitBefore(TimeSpan now, int unsent)
    {
        var allowed = Limit - unsent;
        var inside = 0;
        var oldest = Math.Max(0, _newest - _counts.Length + 1);
        for (var s = oldest; s <= _newest; s++)
        {
            if (Leaves(s) > now)
            {
                inside += _counts[s % _counts.Length];
            }
        }
        if (inside < allowed)
        {
            return TimeSpan.Zero;
        }
        for (var s = oldest; s <= _newest; s++)
        {
            var leaves = Leaves(s);
            if (leaves <= now)
            {
                continue;
            }
            inside -= _counts[s % _counts.Length];
            if (inside < allowed)
            {
                return leaves - now;
            }
        }
        // Unreachable while unsent < Limit: once every slot has left, nothing is inside.
        return CallLog.UntilResolved;
    }

    /// <summary>True when no counted call is still inside the window.</summary>
    public bool IsEmpty(TimeSpan now)
    {
        for (var s = Math.Max(0, _newest - _counts.Length + 1); s <= _newest; s++)
        {
            if (_counts[s % _counts.Length] > 0 && Leaves(s) > now)
            {
                return false;
            }
        }
        return true;
    }

    private TimeSpan Leaves(long slot) => TimeSpan.FromTicks((slot + 1) * _slotTicks) + _span;
}
