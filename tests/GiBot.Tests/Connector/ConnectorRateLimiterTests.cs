using GiBot.Protocol.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Connector;

/// <summary>The limiter's window arithmetic on a fake clock: exact, with no real waiting.</summary>
public sealed class ConnectorRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task The_eighth_call_in_a_second_waits_until_the_first_leaves_the_window_and_its_margin()
    {
        var limiter = Limiter(margin: TimeSpan.FromMilliseconds(100), CallCountedAt.Sent);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(limiter.AcquireAsync("a:chat", default).IsCompletedSuccessfully);
        }

        var eighth = limiter.AcquireAsync("a:chat", default).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(1099));
        Assert.False(eighth.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await eighth;
    }

    [Fact]
    public async Task The_two_second_window_holds_back_the_ninth_call_even_when_the_one_second_window_has_room()
    {
        var limiter = Limiter(margin: TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            await limiter.AcquireAsync("a:chat", default);
        }
        _clock.Advance(TimeSpan.FromSeconds(1));
        await limiter.AcquireAsync("a:chat", default);

        var ninth = limiter.AcquireAsync("a:chat", default).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(ninth.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await ninth;
    }

    [Fact]
    public void The_thirty_second_window_holds_the_sixty_first_call_until_the_first_is_thirty_seconds_old()
    {
        var log = new CallLog(ConnectorRateLimitOptions.DefaultPerConversation, TimeSpan.Zero);
        for (var i = 0; i < 60; i++)
        {
            // Four calls a second: exactly what the 2 s window allows, so each is admitted on time.
            var at = TimeSpan.FromMilliseconds(250 * i);
            Assert.Equal(TimeSpan.Zero, log.WaitBefore(at));
            log.Record(at);
        }

        Assert.Equal(TimeSpan.FromSeconds(15), log.WaitBefore(TimeSpan.FromSeconds(15)));
        Assert.Equal(TimeSpan.Zero, log.WaitBefore(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Another_conversation_is_not_held_back()
    {
        var limiter = Limiter(margin: TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(limiter.AcquireAsync("a:one", default).IsCompletedSuccessfully);
        }

        Assert.False(limiter.AcquireAsync("a:one", default).IsCompleted);
        Assert.True(limiter.AcquireAsync("a:two", default).IsCompletedSuccessfully);
    }

    [Fact]
    public void Idle_conversations_are_forgotten()
    {
        var limiter = Limiter(margin: TimeSpan.Zero);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(limiter.AcquireAsync("a:old", default).IsCompletedSuccessfully);
        Assert.Equal(1, limiter.ActivePartitions);

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.True(limiter.AcquireAsync("a:new", default).IsCompletedSuccessfully);

        Assert.Equal(1, limiter.ActivePartitions);
    }

    [Theory]
    [InlineData(CallCountedAt.Sent, 1030)]
    [InlineData(CallCountedAt.Answered, 1000)]
    public async Task A_reserved_call_fills_its_window_until_it_is_sent_and_answered_and_then_counts_from_that_moment(CallCountedAt countAt, int nextAfterMs)
    {
        // A 30 ms margin: added to the windows of calls counted from their sending, not to those counted from their answer.
        var limiter = Limiter(margin: TimeSpan.FromMilliseconds(30), countAt);
        var permits = new List<ConnectorPermit>();
        for (var i = 0; i < 7; i++)
        {
            permits.Add(await limiter.ReserveAsync("a:chat", default));
        }

        var eighth = limiter.ReserveAsync("a:chat", default).AsTask();
        // Unsent calls never leave the window, however long they take to go out.
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(eighth.IsCompleted);
        permits.ForEach(p =>
        {
            p.Sent();
            p.Dispose();
        });
        await AsleepOnTheClockAsync(limiter);
        _clock.Advance(TimeSpan.FromMilliseconds(nextAfterMs - 1));
        Assert.False(eighth.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await eighth).Dispose();
    }

    [Theory]
    [InlineData(CallCountedAt.Answered, 1500)]
    [InlineData(CallCountedAt.Sent, 1030)]
    public async Task A_slow_answer_holds_back_the_next_window_by_its_delay_when_calls_count_from_their_answer(CallCountedAt countAt, int nextAtMs)
    {
        var options = new ConnectorOptions();
        options.RateLimits.CountAt = countAt;
        options.RateLimits.PerConversation.Add(new RateWindow { PermitLimit = 1, Window = TimeSpan.FromSeconds(1) });
        var limiter = new ConnectorRateLimiter(Options.Create(options), _clock);
        var first = await limiter.ReserveAsync("a:chat", default);
        first.Sent();
        var second = limiter.ReserveAsync("a:chat", default).AsTask();

        // Answered 500 ms after it was sent: Teams may have counted it as late as that.
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        first.Dispose();
        await AsleepOnTheClockAsync(limiter);
        _clock.Advance(TimeSpan.FromMilliseconds(nextAtMs - 500 - 1));
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_permit_disposed_without_being_sent_counts_from_its_disposal_and_only_once()
    {
        var limiter = Limiter(margin: TimeSpan.Zero, new RateWindow { PermitLimit = 7, Window = TimeSpan.FromSeconds(1) });
        var first = await limiter.ReserveAsync("a:chat", default);
        for (var i = 0; i < 6; i++)
        {
            await limiter.AcquireAsync("a:chat", default);
        }
        _clock.Advance(TimeSpan.FromMilliseconds(400));
        first.Dispose();
        first.Sent();

        // At 1 s the six calls of 0 s have left the window; the first, counted at 0.4 s, has not.
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        for (var i = 0; i < 6; i++)
        {
            Assert.True(limiter.AcquireAsync("a:chat", default).IsCompletedSuccessfully);
        }
        var seventh = limiter.AcquireAsync("a:chat", default).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(399));
        Assert.False(seventh.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await seventh;
    }

    [Fact]
    public async Task Unsent_calls_of_other_conversations_hold_back_the_app_wide_window()
    {
        var options = new ConnectorOptions();
        options.RateLimits.WindowMargin = TimeSpan.Zero;
        options.RateLimits.Global.Add(new RateWindow { PermitLimit = 3, Window = TimeSpan.FromSeconds(1) });
        var limiter = new ConnectorRateLimiter(Options.Create(options), _clock);
        var permits = new List<ConnectorPermit>();
        for (var n = 0; n < 3; n++)
        {
            permits.Add(await limiter.ReserveAsync("a:chat-" + n, default));
        }

        var fourth = limiter.ReserveAsync("a:chat-3", default).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(fourth.IsCompleted);

        permits[1].Dispose();
        await AsleepOnTheClockAsync(limiter);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(fourth.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await fourth).Dispose();
    }

    [Fact]
    public void The_ring_of_call_times_keeps_exact_answers_as_it_wraps_and_grows()
    {
        var log = new CallLog([new RateWindow { PermitLimit = 20, Window = TimeSpan.FromSeconds(1) }], TimeSpan.Zero);
        var times = new List<TimeSpan>();
        for (var i = 0; i < 500; i++)
        {
            // Irregular spacing at exactly the limit: each call goes when the 20th most recent leaves, or up to 2 ms later.
            var at = i < 20 ? TimeSpan.FromMilliseconds(7 * i) : times[i - 20] + TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(i % 3);
            if (i >= 20)
            {
                Assert.Equal(TimeSpan.FromMilliseconds(1), log.WaitBefore(times[i - 20] + TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(1)));
            }
            Assert.Equal(TimeSpan.Zero, log.WaitBefore(at));
            log.Record(at);
            times.Add(at);
        }
        Assert.True(log.WaitBefore(times[^1]) > TimeSpan.Zero);
    }

    [Theory]
    [InlineData("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities/2", "19:abc@thread.tacv2;messageid=1")]
    [InlineData("/amer/tenant-1/v3/conversations/a%3Achat/pagedmembers", "a:chat")]
    [InlineData("/v3/conversations", "create")]
    [InlineData("/v3/conversations/", "create")]
    [InlineData("/v3/teams/19%3Ateam/conversations", "team:19:team")]
    [InlineData("/v3/batch/conversation/users", "other")]
    public void The_partition_is_read_from_the_path(string path, string expected) =>
        Assert.Equal(expected, RateLimitKey.FromPath(path));

    /// <summary>
    /// A caller woken because an earlier call was sent goes back to sleep on the (fake) clock on a pool thread;
    /// the clock may only be advanced once it has, or the timer would start late.
    /// </summary>
    private static async Task AsleepOnTheClockAsync(ConnectorRateLimiter limiter)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (limiter.WaitingForTime == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the waiting caller never went back to sleep");
            await Task.Delay(5);
        }
    }

    private ConnectorRateLimiter Limiter(TimeSpan margin, params RateWindow[] perConversation) =>
        Limiter(margin, CallCountedAt.Answered, perConversation);

    private ConnectorRateLimiter Limiter(TimeSpan margin, CallCountedAt countAt, params RateWindow[] perConversation)
    {
        var options = new ConnectorOptions();
        options.RateLimits.WindowMargin = margin;
        options.RateLimits.CountAt = countAt;
        options.RateLimits.PerConversation.AddRange(perConversation);
        return new ConnectorRateLimiter(Options.Create(options), _clock);
    }
}
