namespace GiBot.Protocol.Connector;

/// <summary>A connector request that names its rate-limit partition without a per-request options dictionary.</summary>
internal sealed class ConnectorRequest(HttpMethod method, Uri uri, string rateLimitKey) : HttpRequestMessage(method, uri)
{
    public string RateLimitKey { get; } = rateLimitKey;
}
