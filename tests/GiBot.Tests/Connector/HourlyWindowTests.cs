using GiBot.Protocol.Connector;

namespace GiBot.Tests.Connector;

/// <summary>
/// Teams' 1800 calls an hour per conversation, counted per minute (<see cref="SlottedCallWindow"/>): the limit is
/// never exceeded, a call waits at most one minute longer than an exact count would make it, and a busy
/// conversation's log does not grow with the limit.
/// </summary>
public sealed class HourlyWindowTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Slot = Hour / SlottedCallWindow.SlotsPerWindow;

    [Fact]
    public void A_conversation_sending_all_day_keeps_no_more_call_times_than_the_short_windows_need()
    {
        var log = new CallLog(ConnectorRateLimitOptions.DefaultPerConversation, TimeSpan.Zero);
        var sent = 0;
        for (var at = TimeSpan.Zero; at < TimeSpan.FromHours(3); at += TimeSpan.FromMilliseconds(500))
        {
            if (log.WaitBefore(at) == TimeSpan.Zero)
            {
                log.Record(at);
                sent++;
            }
        }

        Assert.Equal(3 * 1800, sent);
        Assert.True(log.TimesCapacity <= 64, $"room for {log.TimesCapacity} times");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Over_hours_of_uneven_calls_no_window_ever_holds_more_than_its_limit_and_the_hour_errs_by_at_most_a_minute(int seed)
    {
        var windows = ConnectorRateLimitOptions.DefaultPerConversation;
        var log = new CallLog(windows, TimeSpan.Zero);
        var random = new Random(seed);
        var sent = new List<TimeSpan>();
        var heldByTheHour = 0;
        var at = TimeSpan.Zero;
        while (at < TimeSpan.FromHours(4))
        {
            // Bursts and lulls: mostly a few hundred milliseconds apart, now and then minutes.
            at += random.Next(500) == 0 ? TimeSpan.FromSeconds(random.Next(1, 300)) : TimeSpan.FromMilliseconds(random.Next(50, 900));
            var wait = log.WaitBefore(at);
            if (wait == TimeSpan.Zero)
            {
                log.Record(at);
                sent.Add(at);
                foreach (var window in windows)
                {
                    Assert.True(CallsWithin(sent, at - window.Window, at) <= window.PermitLimit,
                        $"{window.PermitLimit} per {window.Window} exceeded at {at}");
                }
                continue;
            }
            Assert.NotEqual(CallLog.UntilResolved, wait);
            Assert.Equal(TimeSpan.Zero, log.WaitBefore(at + wait));
            if (ShortWindowsAllow(sent, at))
            {
                // Held back by the hour alone: an exact count, one slot late, must agree.
                heldByTheHour++;
                Assert.True(CallsWithin(sent, at - Hour - Slot, at) >= 1800, $"held back at {at} with room in the hour");
            }
        }

        Assert.True(heldByTheHour > 0, "the schedule never reached the hourly limit");
    }

    [Fact]
    public void A_call_resolved_after_a_later_one_still_counts_in_its_own_minute()
    {
        var window = new SlottedCallWindow(limit: 2, span: Hour);
        window.Add(TimeSpan.FromMinutes(5));
        // Answered later but sent earlier: it leaves the window with its own minute, not the newer one's.
        window.Add(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(30));

        var now = TimeSpan.FromMinutes(10);
        Assert.Equal(Hour + TimeSpan.FromMinutes(2) - now, window.WaitBefore(now, unsent: 0));
        Assert.Equal(Hour + TimeSpan.FromMinutes(6) - now, window.WaitBefore(now, unsent: 1));
        Assert.False(window.HasNoneInside(Hour + TimeSpan.FromMinutes(5)));
        Assert.True(window.HasNoneInside(Hour + TimeSpan.FromMinutes(6)));
    }

    [Fact]
    public void A_minute_is_cleared_only_when_the_ring_comes_round_to_it_again()
    {
        var window = new SlottedCallWindow(limit: 3, span: Hour);
        for (var i = 0; i < 3; i++)
        {
            window.Add(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(10));
        }

        // Half an hour on, the minutes in between are reused; minute 1 is not and still holds its three calls.
        window.Add(TimeSpan.FromMinutes(30));
        Assert.Equal(Hour + TimeSpan.FromMinutes(2) - TimeSpan.FromMinutes(31), window.WaitBefore(TimeSpan.FromMinutes(31), unsent: 0));

        // 2:03 falls in minute 1's place in the ring (61 places): its old calls go, and only the new one counts.
        window.Add(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(3));
        var now = TimeSpan.FromHours(2) + TimeSpan.FromMinutes(4);
        Assert.Equal(TimeSpan.Zero, window.WaitBefore(now, unsent: 1));
        Assert.NotEqual(TimeSpan.Zero, window.WaitBefore(now, unsent: 2));
    }

    [Fact]
    public void A_call_answered_more_than_a_window_late_is_not_counted()
    {
        var window = new SlottedCallWindow(limit: 2, span: Hour);
        window.Add(TimeSpan.FromHours(2));
        window.Add(TimeSpan.FromMinutes(30));

        Assert.Equal(TimeSpan.Zero, window.WaitBefore(TimeSpan.FromHours(2), unsent: 0));
        Assert.True(window.HasNoneInside(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Unsent_calls_fill_a_slotted_window_until_resolved_and_then_count_from_their_minute_with_the_margin()
    {
        var margin = TimeSpan.FromMilliseconds(7);
        var log = new CallLog([new RateWindow { PermitLimit = 100, Window = Hour }], margin);
        for (var i = 0; i < 100; i++)
        {
            log.Reserve();
        }
        Assert.Equal(CallLog.UntilResolved, log.WaitBefore(TimeSpan.FromSeconds(20)));

        var now = TimeSpan.FromSeconds(30);
        log.Resolve(TimeSpan.FromSeconds(25), now);
        var wait = log.WaitBefore(now);
        // An exact log lets the call go at 25 s + 1 h + margin; counted at the end of its slot (60.0001 s), it goes a little later.
        Assert.InRange(wait, TimeSpan.FromSeconds(25) + Hour + margin - now, TimeSpan.FromSeconds(25 + 61) + Hour + margin - now);
        Assert.True(log.WaitBefore(now + wait - TimeSpan.FromTicks(1)) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, log.WaitBefore(now + wait));

        for (var i = 0; i < 99; i++)
        {
            log.Resolve(now, now);
        }
        Assert.False(log.IsIdle(now + Hour));
        Assert.True(log.IsIdle(now + wait + TimeSpan.FromMinutes(1)));
    }

    private static bool ShortWindowsAllow(List<TimeSpan> sent, TimeSpan at) =>
        ConnectorRateLimitOptions.DefaultPerConversation
            .Where(w => w.Window < Hour)
            .All(w => CallsWithin(sent, at - w.Window, at) < w.PermitLimit);

    /// <summary>Calls after <paramref name="from"/> and up to <paramref name="to"/>; <paramref name="sent"/> is in time order.</summary>
    private static int CallsWithin(List<TimeSpan> sent, TimeSpan from, TimeSpan to) => FirstAfter(sent, to) - FirstAfter(sent, from);

    private static int FirstAfter(List<TimeSpan> sent, TimeSpan time)
    {
        int low = 0, high = sent.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = sent[middle] <= time ? (middle + 1, high) : (low, middle);
        }
        return low;
    }
}
