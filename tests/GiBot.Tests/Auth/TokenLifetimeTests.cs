using GiBot.Protocol.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GiBot.Tests.Auth;

/// <summary>The 5-minute skew, exactly at its edges, on a held clock.</summary>
public sealed class TokenLifetimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly TokenLifetime _lifetime = new(new FakeTimeProvider(Now), ChannelTokenAuthenticator.ClockSkew);
    private readonly JsonWebToken _token = new("""{"alg":"RS256"}""", "{}");

    [Fact]
    public void A_token_expired_exactly_five_minutes_ago_is_accepted() =>
        Assert.True(Validate(Now.AddHours(-1), Now.AddMinutes(-5)));

    [Fact]
    public void A_token_expired_five_minutes_and_one_second_ago_is_rejected() =>
        Assert.Throws<SecurityTokenExpiredException>(() => Validate(Now.AddHours(-1), Now.AddMinutes(-5).AddSeconds(-1)));

    [Fact]
    public void A_token_valid_from_five_minutes_ahead_is_accepted() =>
        Assert.True(Validate(Now.AddMinutes(5), Now.AddHours(1)));

    [Fact]
    public void A_token_valid_from_five_minutes_and_one_second_ahead_is_rejected() =>
        Assert.Throws<SecurityTokenNotYetValidException>(() => Validate(Now.AddMinutes(5).AddSeconds(1), Now.AddHours(1)));

    [Fact]
    public void A_token_without_expiry_is_rejected() =>
        Assert.Throws<SecurityTokenNoExpirationException>(() => _lifetime.Validate(Now.UtcDateTime, null, _token, new TokenValidationParameters()));

    private bool Validate(DateTimeOffset notBefore, DateTimeOffset expires) =>
        _lifetime.Validate(notBefore.UtcDateTime, expires.UtcDateTime, _token, new TokenValidationParameters());
}
