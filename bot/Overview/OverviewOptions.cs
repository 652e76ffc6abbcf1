using System.Globalization;

namespace GiBot.Overview;

/// <summary>
/// The <c>Overview</c> section of appsettings.json. <see cref="SigningKey"/> empty means a key generated once and
/// kept in the settings store (so every instance signs alike); <see cref="PublicBaseUrl"/> empty means the
/// scheme and host of the request that carried the user's message.
/// </summary>
public sealed record OverviewOptions(
    string? SigningKey,
    Uri? PublicBaseUrl,
    TimeSpan FileLinkLifetime,
    TimeSpan DashboardLinkLifetime,
    int AmberWorkingDays)
{
    public const string SectionName = "Overview";

    public static OverviewOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var key = section["SigningKey"];
        if (!string.IsNullOrEmpty(key) && key.Length < 32)
        {
            throw new InvalidOperationException("Overview:SigningKey must be at least 32 characters (or empty to let GiBot generate and store one).");
        }
        Uri? baseUrl = null;
        if (section["PublicBaseUrl"] is { Length: > 0 } text
            && (!Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("https" or "http")))
        {
            throw new InvalidOperationException($"Overview:PublicBaseUrl \"{text}\" is not an absolute http(s) URL.");
        }
        return new OverviewOptions(
            string.IsNullOrEmpty(key) ? null : key,
            baseUrl,
            Duration(section["FileLinkLifetime"], TimeSpan.FromMinutes(15)),
            Duration(section["DashboardLinkLifetime"], TimeSpan.FromMinutes(60)),
            int.TryParse(section["AmberWorkingDays"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days >= 0 ? days : 3);
    }

    private static TimeSpan Duration(string? text, TimeSpan fallback) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value : fallback;
}
