using System.Text.Json;
using GiBot.Protocol.Hosting;
using Microsoft.Extensions.Caching.Memory;

namespace GiBot.Protocol.Auth;

/// <summary>
/// Fetches the channel's OpenID metadata (<c>ToBotFromChannelOpenIdMetadataUrl</c>), follows its
/// <c>jwks_uri</c> and keeps the parsed keys in <see cref="IMemoryCache"/>. Keys are refetched when
/// older than <see cref="MaxAge"/>; a token signed by an unknown <c>kid</c> may force one refetch per
/// <see cref="UnknownKeyRefreshInterval"/>, so a flood of forged kids cannot hammer the metadata host.
/// </summary>
public sealed partial class ChannelKeyStore(
    IHttpClientFactory httpClients,
    IMemoryCache cache,
    BotFrameworkSettings settings,
    TimeProvider time,
    ILogger<ChannelKeyStore> logger)
{
    public const string HttpClientName = "GiBot.ChannelOpenId";

    /// <summary>The Bot Framework asks for a refresh at least once a day; new keys may appear any time.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);

    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _cacheKey = "GiBot.ChannelSigningKeys:" + settings.ToBotFromChannelOpenIdMetadataUrl;
    private DateTimeOffset _lastUnknownKeyRefresh = DateTimeOffset.MinValue;
    private DateTimeOffset _retryNotBefore = DateTimeOffset.MinValue;

    /// <summary>The cached keys, fetched first if there are none or they are too old.</summary>
    public async Task<ChannelSigningKeys> GetAsync(CancellationToken cancellationToken)
    {
        if (TryGetFresh(out var keys))
        {
            return keys;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (TryGetFresh(out keys))
            {
                return keys;
            }
            var stale = cache.Get<ChannelSigningKeys>(_cacheKey);
            if (stale is not null && time.GetUtcNow() < _retryNotBefore)
            {
                return stale;
            }
            try
            {
                return await FetchAndStoreAsync(cancellationToken);
            }
            catch (Exception e) when (stale is not null && IsFetchFailure(e))
            {
                // Keep validating with the last good keys rather than rejecting every request.
                _retryNotBefore = time.GetUtcNow() + UnknownKeyRefreshInterval;
                LogStaleKeys(logger, e, settings.ToBotFromChannelOpenIdMetadataUrl);
                return stale;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Refetches because a token named <paramref name="keyId"/>, which is not cached; null when the
    /// refetch is rate-limited. Returns the (possibly unchanged) keys otherwise.
    /// </summary>
    public async Task<ChannelSigningKeys?> RefreshForUnknownKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (cache.Get<ChannelSigningKeys>(_cacheKey) is { } current && current.TryGet(keyId, out _))
            {
                return current; // another request refreshed meanwhile
            }
            var now = time.GetUtcNow();
            if (now - _lastUnknownKeyRefresh < UnknownKeyRefreshInterval)
            {
                return null;
            }
            _lastUnknownKeyRefresh = now;
            LogRefreshingForUnknownKey(logger, keyId);
            return await FetchAndStoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public static bool IsFetchFailure(Exception e) =>
        e is HttpRequestException or JsonException or FormatException or InvalidOperationException
        || (e is TaskCanceledException { InnerException: TimeoutException });

    /// <summary>The cached keys when they are young enough to use without asking the metadata host (no fetch, no wait).</summary>
    public bool TryGetFresh(out ChannelSigningKeys keys)
    {
        keys = cache.Get<ChannelSigningKeys>(_cacheKey)!;
        return keys is not null && time.GetUtcNow() - keys.FetchedAt < MaxAge;
    }

    private async Task<ChannelSigningKeys> FetchAndStoreAsync(CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var metadataUrl = settings.ToBotFromChannelOpenIdMetadataUrl;
        var metadata = await http.GetStringAsync(metadataUrl, cancellationToken);
        var jwksUri = ReadJwksUri(metadata, metadataUrl);
        var keysJson = await http.GetStringAsync(jwksUri, cancellationToken);
        var keys = ChannelSigningKeys.Parse(keysJson, time.GetUtcNow());
        cache.Set(_cacheKey, keys, new MemoryCacheEntryOptions { Priority = CacheItemPriority.NeverRemove });
        LogFetched(logger, keys.Count, jwksUri);
        return keys;
    }

    private static Uri ReadJwksUri(string metadata, string metadataUrl)
    {
        using var document = JsonDocument.Parse(metadata);
        if (document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("jwks_uri", out var value) && value.ValueKind == JsonValueKind.String
            && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
        {
            return uri;
        }
        throw new FormatException($"The OpenID metadata at {metadataUrl} has no https jwks_uri.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Count} channel signing keys from {JwksUri}")]
    private static partial void LogFetched(ILogger logger, int count, Uri jwksUri);

    [LoggerMessage(Level = LogLevel.Information, Message = "A token names unknown key id {KeyId}; refetching the channel keys")]
    private static partial void LogRefreshingForUnknownKey(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the channel keys from {MetadataUrl}; keeping the last good keys")]
    private static partial void LogStaleKeys(ILogger logger, Exception exception, string metadataUrl);
}
