using GiBot.Localization;

namespace GiBot.Overview.Links;

/// <summary>The links the bot hands out: the 督办台账 files and the dashboard, each signed for one user.</summary>
public sealed class SignedLinks(LinkSigner signer, PublicBaseUrl baseUrl, OverviewOptions options)
{
    public const string LedgerXlsxPath = "/overview/ledger.xlsx";
    public const string LedgerCsvPath = "/overview/ledger.csv";
    public const string DashboardPath = "/dashboard";

    /// <summary>The dashboard's language (<c>en</c>); outside the signature, as it only changes the wording.</summary>
    public const string LanguageParameter = "lang";

    public TimeSpan FileLinkLifetime => options.FileLinkLifetime;

    public TimeSpan DashboardLinkLifetime => options.DashboardLinkLifetime;

    /// <summary>Resolve the base URL while the user's request is still at hand (before any await that may outlive it).</summary>
    public string? CaptureBase() => baseUrl.Resolve();

    public Task<string> LedgerAsync(string baseUrl, bool xlsx, string user, CancellationToken cancellationToken) =>
        CreateAsync(baseUrl, xlsx ? LedgerXlsxPath : LedgerCsvPath, user, options.FileLinkLifetime, cancellationToken);

    public async Task<string> DashboardAsync(string baseUrl, string user, Language language, CancellationToken cancellationToken) =>
        await CreateAsync(baseUrl, DashboardPath, user, options.DashboardLinkLifetime, cancellationToken)
        + (language == Language.English ? $"&{LanguageParameter}=en" : "");

    private async Task<string> CreateAsync(string baseUrl, string path, string user, TimeSpan lifetime, CancellationToken cancellationToken) =>
        $"{baseUrl}{path}?{await signer.SignAsync(path, user, lifetime, cancellationToken)}";
}
