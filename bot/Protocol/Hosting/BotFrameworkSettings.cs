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
            var tenant = MicrosoftAppType == BotAppType.MultiTenant || string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
                ? MultiTenantLoginTenant
                : MicrosoftAppTenantId;
            return $"{PublicLoginUrl}/{tenant}";
        }
    }

    /// <summary>The MSAL scope for outbound tokens: the OAuth scope with <c>/.default</c>.</summary>
    public string Scope => ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";

    public static BotFrameworkSettings From(IConfiguration configuration)
    {
        string Get(string key, string fallback) =>
            string.IsNullOrWhiteSpace(configuration[key]) ? fallback : configuration[key]!.Trim();

        return new BotFrameworkSettings
        {
            MicrosoftAppType = ParseAppType(configuration["MicrosoftAppType"]),
            MicrosoftAppId = Get("MicrosoftAppId", ""),
            MicrosoftAppPassword = Get("MicrosoftAppPassword", ""),
            MicrosoftAppTenantId = Get("MicrosoftAppTenantId", ""),
            ChannelService = Get("ChannelService", ""),
            ToChannelFromBotLoginUrl = Get("ToChannelFromBotLoginUrl", ""),
            ToChannelFromBotOAuthScope = Get("ToChannelFromBotOAuthScope", PublicOAuthScope),
            ToBotFromChannelTokenIssuer = Get("ToBotFromChannelTokenIssuer", PublicIssuer),
            ToBotFromChannelOpenIdMetadataUrl = Get("ToBotFromChannelOpenIdMetadataUrl", PublicOpenIdMetadataUrl),
            OAuthUrl = Get("OAuthUrl", PublicOAuthUrl),
            ValidateAuthority = !bool.TryParse(configuration["ValidateAuthority"], out var validate) || validate,
            AllowedServiceUrls = configuration.GetSection("AllowedServiceUrls").GetChildren()
                .Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToArray(),
        };
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
