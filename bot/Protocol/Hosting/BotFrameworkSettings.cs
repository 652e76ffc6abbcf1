namespace GiBot.Protocol.Hosting;

/// <summary>
/// The Bot Framework configuration keys, spelt exactly as Azure Bot documentation spells them,
/// with public-cloud defaults. Read from the configuration root (not a section).
/// </summary>
public sealed class BotFrameworkSettings
{
    public const string PublicIssuer = "https://api.botframework.com";
    public const string PublicOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string PublicLoginUrl = "https://login.microsoftonline.com";
    public const string PublicOAuthScope = "https://api.botframework.com";
    public const string PublicOAuthUrl = "https://token.botframework.com";
    public const string MultiTenantLoginTenant = "botframework.com";

    /// <summary>The <c>ChannelService</c> value of Azure US Government, as the Bot Framework SDK reads it.</summary>
    public const string GovernmentChannelService = "https://botframework.azure.us";

    public BotAppType MicrosoftAppType { get; init; } = BotAppType.MultiTenant;
    public string MicrosoftAppId { get; init; } = "";
    public string MicrosoftAppPassword { get; init; } = "";
    public string MicrosoftAppTenantId { get; init; } = "";
    public string ChannelService { get; init; } = "";
    public string ToChannelFromBotLoginUrl { get; init; } = "";
    public string ToChannelFromBotOAuthScope { get; init; } = PublicOAuthScope;
    public string ToBotFromChannelTokenIssuer { get; init; } = PublicIssuer;
    public string ToBotFromChannelOpenIdMetadataUrl { get; init; } = PublicOpenIdMetadataUrl;
    public string OAuthUrl { get; init; } = PublicOAuthUrl;
    public bool ValidateAuthority { get; init; } = true;

    /// <summary>Service URLs the bot may send to before any inbound activity taught it one (proactive sends).</summary>
    public IReadOnlyList<string> AllowedServiceUrls { get; init; } = [];

    /// <summary>Local mode: no app id, so no inbound authentication and no outbound token.</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The MSAL authority for outbound tokens.</summary>
    public string Authority
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl))
            {
                return ToChannelFromBotLoginUrl.TrimEnd('/');
            }
            var cloud = Cloud.Of(ChannelService);
            var tenant = MicrosoftAppType == BotAppType.MultiTenant || string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
                ? cloud.MultiTenantLoginTenant
                : MicrosoftAppTenantId;
            return $"{cloud.LoginUrl}/{tenant}";
        }
    }

    /// <summary>The MSAL scope for outbound tokens: the OAuth scope with <c>/.default</c>.</summary>
    public string Scope => ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";

    public static BotFrameworkSettings From(IConfiguration configuration)
    {
        string Get(string key, string fallback) =>
            string.IsNullOrWhiteSpace(configuration[key]) ? fallback : configuration[key]!.Trim();

        // ChannelService names the cloud; each endpoint key still overrides its default for that cloud.
        var channelService = Get("ChannelService", "");
        var cloud = Cloud.Of(channelService);
        return new BotFrameworkSettings
        {
            MicrosoftAppType = ParseAppType(configuration["MicrosoftAppType"]),
            MicrosoftAppId = Get("MicrosoftAppId", ""),
            MicrosoftAppPassword = Get("MicrosoftAppPassword", ""),
            MicrosoftAppTenantId = Get("MicrosoftAppTenantId", ""),
            ChannelService = channelService,
            ToChannelFromBotLoginUrl = Get("ToChannelFromBotLoginUrl", ""),
            ToChannelFromBotOAuthScope = Get("ToChannelFromBotOAuthScope", cloud.OAuthScope),
            ToBotFromChannelTokenIssuer = Get("ToBotFromChannelTokenIssuer", cloud.Issuer),
            ToBotFromChannelOpenIdMetadataUrl = Get("ToBotFromChannelOpenIdMetadataUrl", cloud.OpenIdMetadataUrl),
            OAuthUrl = Get("OAuthUrl", cloud.OAuthUrl),
            ValidateAuthority = !bool.TryParse(configuration["ValidateAuthority"], out var validate) || validate,
            AllowedServiceUrls = configuration.GetSection("AllowedServiceUrls").GetChildren()
                .Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToArray(),
        };
    }

    /// <summary>The endpoints of a Bot Framework cloud: public, or Azure US Government when ChannelService says so.</summary>
    private sealed record Cloud(string LoginUrl, string MultiTenantLoginTenant, string OAuthScope, string Issuer, string OpenIdMetadataUrl, string OAuthUrl)
    {
        private static readonly Cloud Public = new(PublicLoginUrl, BotFrameworkSettings.MultiTenantLoginTenant, PublicOAuthScope, PublicIssuer, PublicOpenIdMetadataUrl, PublicOAuthUrl);

        private static readonly Cloud UsGovernment = new("https://login.microsoftonline.us", "MicrosoftServices.onmicrosoft.us", "https://api.botframework.us",
            "https://api.botframework.us", "https://login.botframework.azure.us/v1/.well-known/openidconfiguration", "https://token.botframework.azure.us");

        public static Cloud Of(string channelService) =>
            string.Equals(channelService.TrimEnd('/'), GovernmentChannelService, StringComparison.OrdinalIgnoreCase) ? UsGovernment : Public;
    }

    /// <summary>Parsed case-insensitively like the Bot Framework SDK; unknown values mean MultiTenant.</summary>
    public static BotAppType ParseAppType(string? value) =>
        Enum.TryParse<BotAppType>(value?.Trim(), ignoreCase: true, out var type) ? type : BotAppType.MultiTenant;
}

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMsi,
}
