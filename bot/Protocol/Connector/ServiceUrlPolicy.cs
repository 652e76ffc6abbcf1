using System.Collections.Concurrent;
using GiBot.Protocol.Hosting;

namespace GiBot.Protocol.Connector;

/// <summary>
/// The service URLs the bot may send its token to: those learned from authenticated inbound
/// activities (protocol.md 1.2 step 6) plus any configured in <c>AllowedServiceUrls</c>.
/// In local mode (no token is ever sent) every URL is allowed.
/// </summary>
public sealed class ServiceUrlPolicy
{
    private const int MaxResolved = 1024;

    private readonly ConcurrentDictionary<string, Uri> _trusted = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Service URLs as callers pass them, already trusted and resolved: every activity and reply names the same
    /// few, and parsing one costs more than the lookup. Trust is never withdrawn, so an entry stays right.
    /// </summary>
    private readonly ConcurrentDictionary<string, Uri> _resolved = new(StringComparer.Ordinal);
    private readonly bool _allowAny;

    public ServiceUrlPolicy(BotFrameworkSettings settings)
    {
        _allowAny = settings.IsLocalMode;
        foreach (var url in settings.AllowedServiceUrls)
        {
            Trust(url);
        }
    }

    /// <summary>Records a service URL that arrived on an authenticated activity.</summary>
    public void Trust(string serviceUrl)
    {
        // Every authenticated activity names its service URL: a known one is a lookup, not a parse.
        if (_resolved.ContainsKey(serviceUrl))
        {
            return;
        }
        if (TryNormalize(serviceUrl, out var uri))
        {
            _trusted[Key(uri)] = uri;
            Remember(serviceUrl, uri);
        }
    }

    public bool IsTrusted(string serviceUrl) =>
        TryNormalize(serviceUrl, out var uri) && (_allowAny || _trusted.ContainsKey(Key(uri)));

    /// <summary>The base URI to call, ending in exactly one slash; an untrusted URL is a permanent <see cref="ConnectorException"/>.</summary>
    public Uri Resolve(string serviceUrl)
    {
        if (_resolved.TryGetValue(serviceUrl, out var known))
        {
            return known;
        }
        if (!TryNormalize(serviceUrl, out var uri))
        {
            throw new ArgumentException($"'{serviceUrl}' is not an absolute http(s) URL.", nameof(serviceUrl));
        }
        if (!_allowAny && !_trusted.ContainsKey(Key(uri)))
        {
            throw new ConnectorException(System.Net.HttpStatusCode.Forbidden, "UntrustedServiceUrl",
                $"Refusing to send to service URL '{serviceUrl}': it was never seen on an authenticated activity nor configured in AllowedServiceUrls.");
        }
        Remember(serviceUrl, uri);
        return uri;
    }

    /// <summary>Only URLs that are trusted (or allowed, in local mode) are remembered.</summary>
    private void Remember(string serviceUrl, Uri uri)
    {
        if (_resolved.Count < MaxResolved)
        {
            _resolved.TryAdd(serviceUrl, uri);
        }
    }

    private static string Key(Uri uri) => uri.AbsoluteUri;

    private static bool TryNormalize(string? serviceUrl, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }
        uri = parsed;
        return true;
    }
}
