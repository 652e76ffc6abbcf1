using GiBot.Protocol.Hosting;

namespace GiBot.AppPackage;

/// <summary>
/// What the package takes from configuration: the bot's app id (the same <c>MicrosoftAppId</c> the bot
/// authenticates with) and optional <c>AppPackage:*</c> overrides for the developer links and validDomains.
/// </summary>
public sealed class AppPackageSettings
{
    public string MicrosoftAppId { get; init; } = "";
    public string? WebsiteUrl { get; init; }
    public string? PrivacyUrl { get; init; }
    public string? TermsOfUseUrl { get; init; }
    public IReadOnlyList<string> ValidDomains { get; init; } = [];

    public static AppPackageSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("AppPackage");
        string? Optional(string key) => string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();

        return new AppPackageSettings
        {
            MicrosoftAppId = BotFrameworkSettings.From(configuration).MicrosoftAppId,
            WebsiteUrl = Optional("WebsiteUrl"),
            PrivacyUrl = Optional("PrivacyUrl"),
            TermsOfUseUrl = Optional("TermsOfUseUrl"),
            ValidDomains = section.GetSection("ValidDomains").GetChildren()
                .Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray(),
        };
    }
}
