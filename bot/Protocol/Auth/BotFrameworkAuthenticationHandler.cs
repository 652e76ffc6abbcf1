using System.Security.Claims;
using System.Text.Encodings.Web;
using GiBot.Protocol.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GiBot.Protocol.Auth;

/// <summary>
/// Validates the channel's JWT on <c>/api/messages</c> (protocol.md 1.2): issuer, audience = our app
/// id, an RS256/384/512 signature by a key from the channel's OpenID metadata, lifetime with 5 minutes
/// of skew. On success the identity carries the raw claims (<c>serviceurl</c> included) plus one
/// <see cref="BotAuthenticationDefaults.EndorsementClaim"/> per endorsement of the signing key; the
/// messages endpoint then binds both to the activity (<see cref="ChannelBinding"/>).
/// Failures are answered with a bare 401; the reason goes to the log only.
/// </summary>
public sealed partial class BotFrameworkAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ChannelKeyStore keyStore,
    BotFrameworkSettings settings,
    ValidatedTokenCache validated,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static readonly IReadOnlyList<string> AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    private readonly ILogger _log = loggerFactory.CreateLogger("GiBot.Auth");
    private readonly TokenLifetime _lifetime = new(time, ClockSkew);
    private string? _rejection;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerHeader.Read(Request.Headers.Authorization, out var problem);
        if (token is null && Request.Headers.Authorization.Count == 0)
        {
            // Quietly: the default scheme also runs for /healthz and other open endpoints.
            _rejection = problem;
            return AuthenticateResult.NoResult();
        }
        if (token is null)
        {
            return Reject(problem!);
        }
        if (validated.TryGet(token, out var known) && await FindKeyOrNullAsync(known.KeyId) is { } currentKey && ReferenceEquals(currentKey.Key, known.Key))
        {
            return Success(known.Identity.Clone(), currentKey);
        }
        if (!Tokens.CanReadToken(token))
        {
            return Reject("the bearer token is not a JWT");
        }
        string? keyId;
        try
        {
            keyId = Tokens.ReadJsonWebToken(token).Kid;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or System.Text.Json.JsonException or FormatException)
        {
            return Reject("the bearer token is not a readable JWT");
        }
        if (string.IsNullOrEmpty(keyId))
        {
            return Reject("the token names no signing key (kid)");
        }

        ChannelSigningKey? signingKey;
        try
        {
            signingKey = await FindKeyAsync(keyId);
        }
        catch (Exception e) when (ChannelKeyStore.IsFetchFailure(e))
        {
            LogKeysUnavailable(_log, e, settings.ToBotFromChannelOpenIdMetadataUrl);
            return Reject("the channel's signing keys are unavailable");
        }
        if (signingKey is null)
        {
            return Reject($"unknown signing key '{keyId}'");
        }

        var result = await Tokens.ValidateTokenAsync(token, Parameters(signingKey));
        if (!result.IsValid)
        {
            return Reject($"{result.Exception?.GetType().Name}: {result.Exception?.Message}");
        }

        if (result.SecurityToken is JsonWebToken validToken)
        {
            validated.Add(token, new ValidatedTokenCache.Entry(result.ClaimsIdentity.Clone(), keyId, signingKey.Key,
                validToken.ValidFrom == DateTime.MinValue ? DateTime.MinValue.AddDays(1) : validToken.ValidFrom, validToken.ValidTo));
        }
        return Success(result.ClaimsIdentity, signingKey);
    }

    private AuthenticateResult Success(ClaimsIdentity identity, ChannelSigningKey signingKey)
    {
        foreach (var endorsement in signingKey.Endorsements)
        {
            identity.AddClaim(new Claim(BotAuthenticationDefaults.EndorsementClaim, endorsement));
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>The key for a cached token; any failure sends the token through full validation instead.</summary>
    private async Task<ChannelSigningKey?> FindKeyOrNullAsync(string keyId)
    {
        try
        {
            var keys = await keyStore.GetAsync(Context.RequestAborted);
            return keys.TryGet(keyId, out var key) ? key : null;
        }
        catch (Exception e) when (ChannelKeyStore.IsFetchFailure(e))
        {
            return null;
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Logged here, not when authenticating: the default scheme also runs for /healthz and the like,
        // where a missing token is no problem.
        LogRejected(_log, Request.Path, _rejection ?? "not authenticated");
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private async Task<ChannelSigningKey?> FindKeyAsync(string keyId)
    {
        var keys = await keyStore.GetAsync(Context.RequestAborted);
        if (keys.TryGet(keyId, out var key))
        {
            return key;
        }
        var refreshed = await keyStore.RefreshForUnknownKeyAsync(keyId, Context.RequestAborted);
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

    private AuthenticateResult Reject(string reason)
    {
        _rejection = reason;
        return AuthenticateResult.Fail("The request is not authorized.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to {Path}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot validate tokens: the channel's signing keys could not be fetched from {MetadataUrl}")]
    private static partial void LogKeysUnavailable(ILogger logger, Exception exception, string metadataUrl);
}
