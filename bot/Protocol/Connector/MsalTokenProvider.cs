using GiBot.Protocol.Hosting;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace GiBot.Protocol.Connector;

/// <summary>
/// Outbound connector tokens from MSAL (protocol.md 2): client credentials against
/// <see cref="BotFrameworkSettings.Authority"/> for SingleTenant and MultiTenant, or the user-assigned
/// managed identity named by <c>MicrosoftAppId</c>. One MSAL application per process, so its
/// in-memory token cache serves every call until the token nears expiry. The last token is also kept
/// here and handed out without asking MSAL while more than <see cref="RefreshBefore"/> of it is left:
/// an MSAL cache lookup costs tens of microseconds per outbound call (4 % of the bot's CPU per turn).
/// </summary>
public sealed partial class MsalTokenProvider : IBotTokenProvider
{
    private readonly IConfidentialClientApplication? _confidential;
    private readonly IManagedIdentityApplication? _managedIdentity;
    private readonly string[] _scopes;
    private readonly string _resource;
    private readonly ILogger<MsalTokenProvider> _logger;
    private readonly TimeProvider _time;
    private volatile CachedToken? _last;

    /// <summary>MSAL refreshes a cached token proactively about 5 minutes before it expires; ask it again before that.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(10);

    private sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresOn);

    public MsalTokenProvider(BotFrameworkSettings settings, IMsalHttpClientFactory httpClients, ILogger<MsalTokenProvider> logger, TimeProvider? time = null)
    {
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _scopes = [settings.Scope];
        _resource = settings.ToChannelFromBotOAuthScope.TrimEnd('/');
        if (settings.MicrosoftAppType == BotAppType.UserAssignedMsi)
        {
            _managedIdentity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(settings.MicrosoftAppId))
                .WithHttpClientFactory(httpClients)
                .Build();
            return;
        }
        var builder = ConfidentialClientApplicationBuilder.Create(settings.MicrosoftAppId)
            .WithClientSecret(settings.MicrosoftAppPassword)
            .WithHttpClientFactory(httpClients)
            .WithLegacyCacheCompatibility(false);
        builder = settings.ValidateAuthority
            ? builder.WithAuthority(settings.Authority, validateAuthority: true)
            // A sovereign or test authority: trust it as configured and ask no Microsoft host about it.
            : builder.WithAuthority(settings.Authority, validateAuthority: false).WithInstanceDiscovery(false);
        _confidential = builder.Build();
    }

    public async ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!forceRefresh && _last is { } last && last.ExpiresOn - _time.GetUtcNow() > RefreshBefore)
        {
            return last.AccessToken;
        }
        try
        {
            var result = _confidential is not null
                ? await _confidential.AcquireTokenForClient(_scopes).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken)
                : await _managedIdentity!.AcquireTokenForManagedIdentity(_resource).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
            _last = new CachedToken(result.AccessToken, result.ExpiresOn);
            return result.AccessToken;
        }
        catch (MsalException e)
        {
            LogTokenFailed(_logger, e, e.ErrorCode);
            throw;
        }
    }

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Error, Message = "Could not get a token for outbound connector calls ({ErrorCode})")]
    private static partial void LogTokenFailed(ILogger logger, Exception exception, string errorCode);
}
