namespace GiBot.Overview.Links;

/// <summary>
/// Where users reach the bot's pages: <c>Overview:PublicBaseUrl</c>, or else the scheme and host of the request
/// that carried the user's message (honouring X-Forwarded-Proto/Host from a tunnel or reverse proxy).
/// </summary>
public sealed class PublicBaseUrl(OverviewOptions options, IHttpContextAccessor accessor)
{
    /// <summary>The base without a trailing slash, or null when neither configuration nor a request tells.</summary>
    public string? Resolve()
    {
        if (options.PublicBaseUrl is { } configured)
        {
            return configured.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }
        if (accessor.HttpContext?.Request is not { } request || !request.Host.HasValue)
        {
            return null;
        }
        var scheme = First(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var host = First(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value;
        return $"{scheme}://{host}{request.PathBase}".TrimEnd('/');
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count > 0 && values[0] is { Length: > 0 } value ? value.Split(',')[0].Trim() : null;
}
