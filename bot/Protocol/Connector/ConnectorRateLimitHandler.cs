namespace GiBot.Protocol.Connector;

/// <summary>
/// Waits in <see cref="ConnectorRateLimiter"/> before every attempt of a connector call. It sits inside
/// the retry pipeline, so retries count against the limits like any other call.
/// </summary>
public sealed class ConnectorRateLimitHandler(ConnectorRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Options.TryGetValue(RateLimitKey.Option, out var explicitKey)
            ? explicitKey
            : RateLimitKey.FromPath(request.RequestUri?.AbsolutePath ?? "");
        await limiter.AcquireAsync(key, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
