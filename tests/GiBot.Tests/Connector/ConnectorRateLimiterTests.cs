using GiBot.Protocol.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Connector;

/// <summary>The limiter's window arithmetic on a fake clock: exact, with no real waiting.</summary>
public sealed class ConnectorRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task The_eighth_call_in_a_second_waits_until_the_first_leaves_the_window()
    {
        var limiter = Limiter(margin: TimeSpan.FromMilliseconds(100));
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
    [InlineData("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities/2", "19:abc@thread.tacv2;messageid=1")]
    [InlineData("/amer/tenant-1/v3/conversations/a%3Achat/pagedmembers", "a:chat")]
    [InlineData("/v3/conversations", "create")]
    [InlineData("/v3/conversations/", "create")]
    [InlineData("/v3/teams/19%3Ateam/conversations", "team:19:team")]
    [InlineData("/v3/batch/conversation/users", "other")]
    public void The_partition_is_read_from_the_path(string path, string expected) =>
        Assert.Equal(expected, RateLimitKey.FromPath(path));

    private ConnectorRateLimiter Limiter(TimeSpan margin)
    {
        var options = new ConnectorOptions();
        options.RateLimits.WindowMargin = margin;
        return new ConnectorRateLimiter(Options.Create(options), _clock);
    }
}
