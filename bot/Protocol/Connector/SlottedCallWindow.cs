namespace GiBot.Protocol.Connector;

/// <summary>
/// One window allowing many calls (Teams' 1800 calls an hour) counted per slot, a sixtieth of the window, instead
/// of one time per call: a busy conversation then keeps 61 counters instead of up to 1800 times, which at full
/// load grew by megabytes a minute and lived long enough to reach the GC's oldest generation.
/// A call counts as made at the end of its slot, so it leaves the window up to one slot later than it
/// really does and never earlier: the limit is kept, and a caller may wait up to one slot (a minute of an
/// hour) longer than an exact log would make it.
/// Not thread-safe; <see cref="CallLog"/> serialises access. Times come from a clock that never goes back.
/// </summary>
internal sealed class SlottedCallWindow
{
    public const int SlotsPerWindow = 60;

    // One more slot than the window spans: a slot older than these has left the window (see Add).
    private readonly int[] _counts = new int[SlotsPerWindow + 1];
    private readonly int _limit;
    private readonly long _slotTicks;
    private readonly TimeSpan _span;
    private long _newest = -1;

    /// <summary>The sum of <see cref="_counts"/>: while it leaves room, nothing needs counting slot by slot.</summary>
    private int _total;

    public SlottedCallWindow(int limit, TimeSpan span)
    {
        _limit = limit;
        _span = span;
        _slotTicks = Math.Max(1, (span.Ticks + SlotsPerWindow - 1) / SlotsPerWindow);
    }

    /// <summary>Counts a call made at <paramref name="at"/>, which may be older than calls counted before (answers come in any order).</summary>
    public void Add(TimeSpan at)
    {
        var slot = at.Ticks / _slotTicks;
        if (slot > _newest)
        {
            // Slots passed over since the newest one are reused: clear what they held.
            for (var s = Math.Max(_newest + 1, slot - _counts.Length + 1); s <= slot; s++)
            {
                _total -= _counts[Cell(s)];
                _counts[Cell(s)] = 0;
            }
            _newest = slot;
        }
        // A slot this old ended at least a window before the newest one began: its calls have left the window.
        if (slot > _newest - _counts.Length)
        {
            _counts[Cell(slot)]++;
            _total++;
        }
    }

    /// <summary>
    /// Zero when one more call fits beside <paramref name="unsent"/> calls not yet counted here; otherwise the wait
    /// until enough slots have left the window, or <see cref="CallLog.UntilResolved"/> when the unsent calls alone
    /// fill it.
    /// </summary>
    public TimeSpan WaitBefore(TimeSpan now, int unsent)
    {
        var allowed = _limit - unsent;
        if (allowed <= 0)
        {
            return CallLog.UntilResolved;
        }
        if (_total < allowed)
        {
            return TimeSpan.Zero;
        }
        var first = FirstInside(now);
        var inside = 0;
        for (var s = first; s <= _newest; s++)
        {
            inside += _counts[Cell(s)];
        }
        if (inside < allowed)
        {
            return TimeSpan.Zero;
        }
        // Slots leave in order: the wait ends when the one that brings the count under the limit leaves.
        var slot = first;
        while (inside >= allowed)
        {
            inside -= _counts[Cell(slot)];
            slot++;
        }
        return Leaves(slot - 1) - now;
    }

    /// <summary>True when none of the counted calls is still inside the window at <paramref name="now"/>.</summary>
    public bool HasNoneInside(TimeSpan now)
    {
        for (var s = FirstInside(now); s <= _newest; s++)
        {
            if (_counts[Cell(s)] > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The oldest slot kept whose calls are still inside the window: Leaves(s) &gt; now.</summary>
    private long FirstInside(TimeSpan now)
    {
        var windowStart = now.Ticks - _span.Ticks;
        var firstStillIn = windowStart < 0 ? 0 : windowStart / _slotTicks;
        return Math.Max(firstStillIn, _newest - _counts.Length + 1);
    }

    private int Cell(long slot) => (int)(slot % _counts.Length);

    private TimeSpan Leaves(long slot) => TimeSpan.FromTicks((slot + 1) * _slotTicks) + _span;
}
