namespace GiBot.Protocol.Connector;

/// <summary>
/// A connector request that names its rate-limit partition without a per-request options dictionary, and carries
/// the start of its call, from which <see cref="ConnectorExchange"/> measures the total timeout.
/// </summary>
internal sealed class ConnectorRequest(HttpMethod method, Uri uri, string rateLimitKey) : HttpRequestMessage(method, uri)
{
    public string RateLimitKey { get; } = rateLimitKey;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the call began.</summary>
    public long StartedAt { get; set; }

    /// <summary>The call ran out of its total time: no further attempt.</summary>
    public bool OutOfTime { get; set; }
}
