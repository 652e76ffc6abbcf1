using GiBot.Protocol.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace GiBot.Tests.Protocol;

public sealed class ValidatedTokenCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static ValidatedTokenCache.Entry Entry(DateTimeOffset notBefore, DateTimeOffset expires) =>
        new(new ChannelIdentity("https://smba.example/", new HashSet<string> { "msteams" }), "kid-1",
            new SymmetricSecurityKey(new byte[32]), notBefore.UtcDateTime, expires.UtcDateTime);

    [Fact]
    public void A_token_is_served_within_its_lifetime_and_the_skew_and_dropped_after()
    {
        var time = new FakeTimeProvider(Now);
        var cache = new ValidatedTokenCache(time);
        cache.Add("token-a", Entry(Now.AddMinutes(-1), Now.AddMinutes(30)));

        Assert.True(cache.TryGet("token-a", out var entry));
        Assert.Equal("kid-1", entry.KeyId);
        time.Advance(TimeSpan.FromMinutes(34)); // expired 4 min ago: inside the 5 min skew, as full validation
        Assert.True(cache.TryGet("token-a", out _));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(cache.TryGet("token-a", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_token_not_yet_valid_beyond_the_skew_is_not_served()
    {
        var cache = new ValidatedTokenCache(new FakeTimeProvider(Now));
        cache.Add("future", Entry(Now.AddMinutes(10), Now.AddMinutes(60)));
        Assert.False(cache.TryGet("future", out _));
        Assert.False(cache.TryGet("never-added", out _));
    }

    [Fact]
    public void The_cache_stays_bounded_and_drops_expired_entries_first()
    {
        var time = new FakeTimeProvider(Now);
        var cache = new ValidatedTokenCache(time);
        for (var i = 0; i < ValidatedTokenCache.Capacity - 1; i++)
        {
            cache.Add($"short-{i}", Entry(Now, Now.AddMinutes(1)));
        }
        cache.Add("long", Entry(Now, Now.AddHours(1)));
        time.Advance(TimeSpan.FromMinutes(10));

        cache.Add("new", Entry(Now, Now.AddHours(1)));
        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("long", out _));

        for (var i = 0; i < ValidatedTokenCache.Capacity * 2; i++)
        {
            cache.Add($"live-{i}", Entry(Now, Now.AddHours(1)));
        }
        Assert.InRange(cache.Count, 1, ValidatedTokenCache.Capacity);
    }
}
