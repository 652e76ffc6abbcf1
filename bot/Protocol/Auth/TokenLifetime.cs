using Microsoft.IdentityModel.Tokens;

namespace GiBot.Protocol.Auth;

/// <summary>
/// The lifetime check with <c>exp</c> required and 5 minutes of skew either way, on an injected
/// <see cref="TimeProvider"/> so tests can hold the clock.
/// </summary>
public sealed class TokenLifetime(TimeProvider time, TimeSpan clockSkew)
{
    /// <summary>Throws the IdentityModel exception matching the failure; true otherwise.</summary>
    public bool Validate(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry (exp).");
        }
        if (notBefore is { } nbf && nbf > expires)
        {
            throw new SecurityTokenInvalidLifetimeException($"The token's nbf {nbf:O} is after its exp {expires:O}.");
        }
        if (notBefore is { } start && start > now + clockSkew)
        {
            throw new SecurityTokenNotYetValidException($"The token is not valid before {start:O} (now {now:O}, skew {clockSkew}).") { NotBefore = start };
        }
        if (expires < now - clockSkew)
        {
            throw new SecurityTokenExpiredException($"The token expired at {expires:O} (now {now:O}, skew {clockSkew}).") { Expires = expires.Value };
        }
        return true;
    }
}
