using GiBot.Protocol.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GiBot.Protocol.Auth;

/// <summary>
/// Validates the channel's JWT on <c>/api/messages</c> (protocol.md 1.2): issuer, audience = our app
/// id, an RS256/384/512 signature by a key from the channel's OpenID metadata, lifetime with 5 minutes
/// of skew. On success the identity carries the token's <c>serviceurl</c> claim and the endorsements of the
/// signing key; the messages endpoint then binds both to the activity (<see cref="ChannelBinding"/>).
/// A token already validated is accepted from <see cref="ValidatedTokenCache"/> while the key set still
/// has the key that verified it. Failures are answered with a bare 401; the reason goes to the log only.
/// </summary>
public sealed partial class ChannelTokenAuthenticator(
    ChannelKeyStore keyStore,
    BotFrameworkSettings settings,
    ValidatedTokenCache validated,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IChannelAuthenticator
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static readonly IReadOnlyList<string> AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    private readonly ILogger _log = loggerFactory.CreateLogger("GiBot.Auth");
    private readonly TokenLifetime _lifetime = new(time, ClockSkew);

    public ValueTask<ChannelAuthentication> AuthenticateAsync(HttpRequest request)
    {
        if (!BearerHeader.TryRead(request.Headers.Authorization, out var header, out var problem))
        {
            return ValueTask.FromResult(ChannelAuthentication.Reject(problem!));
        }
        var cancellationToken = request.HttpContext.RequestAborted;
        if (!validated.TryGet(header, out var known))
        {
            return ValidateAsync(header.ToString(), cancellationToken);
        }
        // The common case: a token validated before, and the key set young enough to need no fetch. Decided here,
        // without copying the token or awaiting anything; the key that verified it must still be the one the set names.
        if (keyStore.TryGetFresh(out var keys))
        {
            return keys.TryGet(known.KeyId, out var current) && ReferenceEquals(current.Key, known.Key)
                ? ValueTask.FromResult(ChannelAuthentication.Accept(known.Identity))
                : ValidateAsync(header.ToString(), cancellationToken);
        }
        return RecheckKeyAsync(header.ToString(), known, cancellationToken);
    }

    /// <summary>A cached token while the key set needs a fetch first: accepted if its key is still current.</summary>
    private async ValueTask<ChannelAuthentication> RecheckKeyAsync(string token, ValidatedTokenCache.Entry known, CancellationToken cancellationToken)
    {
        if (await FindKeyOrNullAsync(known.KeyId, cancellationToken) is { } currentKey && ReferenceEquals(currentKey.Key, known.Key))
        {
            return ChannelAuthentication.Accept(known.Identity);
        }
        return await ValidateAsync(token, cancellationToken);
    }

    /// <summary>Full validation of a token not (or no longer) in the cache; a valid one is cached.</summary>
    private async ValueTask<ChannelAuthentication> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!Tokens.CanReadToken(token))
        {
            return ChannelAuthentication.Reject("the bearer token is not a JWT");
        }
        string? keyId;
        try
        {
            keyId = Tokens.ReadJsonWebToken(token).Kid;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or System.Text.Json.JsonException or FormatException)
        {
            return ChannelAuthentication.Reject("the bearer token is not a readable JWT");
        }
        if (string.IsNullOrEmpty(keyId))
        {
            return ChannelAuthentication.Reject("the token names no signing key (kid)");
        }

        ChannelSigningKey? signingKey;
        try
        {
            signingKey = await FindKeyAsync(keyId, cancellationToken);
        }
        catch (Exception e) when (ChannelKeyStore.IsFetchFailure(e))
        {
            LogKeysUnavailable(_log, e, settings.ToBotFromChannelOpenIdMetadataUrl);
            return ChannelAuthentication.Reject("the channel's signing keys are unavailable");
        }
        if (signingKey is null)
        {
            return ChannelAuthentication.Reject($"unknown signing key '{keyId}'");
        }

        var result = await Tokens.ValidateTokenAsync(token, Parameters(signingKey));
        if (!result.IsValid)
        {
            return ChannelAuthentication.Reject($"{result.Exception?.GetType().Name}: {result.Exception?.Message}");
        }

        var serviceUrl = result.ClaimsIdentity.FindFirst(BotAuthenticationDefaults.ServiceUrlClaim)?.Value;
        var identity = new ChannelIdentity(serviceUrl, signingKey.Endorsements);
        if (result.SecurityToken is JsonWebToken validToken)
        {
            validated.Add(token, new ValidatedTokenCache.Entry(identity, keyId, signingKey.Key,
                validToken.ValidFrom == DateTime.MinValue ? DateTime.MinValue.AddDays(1) : validToken.ValidFrom, validToken.ValidTo));
        }
        return ChannelAuthentication.Accept(identity);
    }

    /// <summary>The key for a cached token; any failure sends the token through full validation instead.</summary>
    private async Task<ChannelSigningKey?> FindKeyOrNullAsync(string keyId, CancellationToken cancellationToken)
    {
        try
        {
            var keys = await keyStore.GetAsync(cancellationToken);
            return keys.TryGet(keyId, out var key) ? key : null;
        }
        catch (Exception e) when (ChannelKeyStore.IsFetchFailure(e))
        {
            return null;
        }
    }

    private async Task<ChannelSigningKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = await keyStore.GetAsync(cancellationToken);
        if (keys.TryGet(keyId, out var key))
        {
            return key;
        }
        var refreshed = await keyStore.RefreshForUnknownKeyAsync(keyId, cancellationToken);
        return refreshed is not null && refreshed.TryGet(keyId, out key) ? key : null;
    }

    private TokenValidationParameters Parameters(ChannelSigningKey key) => new()
    {
        ValidIssuer = settings.ToBotFromChannelTokenIssuer,
        ValidAudience = settings.MicrosoftAppId,
        ValidAlgorithms = AllowedAlgorithms,
        // Only the key the token names: a token cannot borrow another key of the set.
        IssuerSigningKeys = [key.Key],
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        RequireAudience = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = _lifetime.Validate,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot validate tokens: the channel's signing keys could not be fetched from {MetadataUrl}")]
    private static partial void LogKeysUnavailable(ILogger logger, Exception exception, string metadataUrl);
}
