namespace GiBot.Protocol.Connector;

/// <summary>
/// Which rate-limit partition a connector call counts against. Teams limits each conversation
/// thread, so the key is the conversation id; <see cref="ConnectorClient"/> sets it on each request,
/// and a request without it is keyed from its path.
/// </summary>
public static class RateLimitKey
{
    /// <summary>Request option carrying the key, for requests not built by <see cref="ConnectorClient"/>.</summary>
    public static readonly HttpRequestOptionsKey<string> Option = new("GiBot.Connector.RateLimitKey");

    /// <summary>
    /// Creating a conversation counts against the thread it opens: a new channel thread against its
    /// channel (as sends to the channel do), a 1:1 chat against <c>create:</c> plus the member's id.
    /// Without either, all creations share the <c>create</c> partition.
    /// </summary>
    public static string ForCreate(string? channelId, string? memberId) =>
        !string.IsNullOrEmpty(channelId) ? channelId
        : !string.IsNullOrEmpty(memberId) ? "create:" + memberId
        : "create";

    public static string ForTeam(string teamId) => "team:" + teamId;

    /// <summary>The key <see cref="ConnectorClient"/> gave the request, else the <see cref="Option"/>, else one read from the path.</summary>
    internal static string Of(HttpRequestMessage request) =>
        request is ConnectorRequest connector ? connector.RateLimitKey
        : request.Options.TryGetValue(Option, out var key) ? key
        : FromPath(request.RequestUri?.AbsolutePath ?? "");

    /// <summary>
    /// From a path like <c>/amer/tenant/v3/conversations/{id}/activities</c>: the unescaped id;
    /// <c>create</c> for <c>POST v3/conversations</c>; <c>team:{id}</c> for <c>v3/teams/{id}/...</c>.
    /// </summary>
    public static string FromPath(string absolutePath)
    {
        var segments = absolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < segments.Length; i++)
        {
            if (segments[i] != "v3")
            {
                continue;
            }
            var collection = segments[i + 1];
            var id = i + 2 < segments.Length ? Uri.UnescapeDataString(segments[i + 2]) : null;
            return (collection, id) switch
            {
                ("conversations", null) => ForCreate(null, null),
                ("conversations", _) => id,
                ("teams", not null) => ForTeam(id),
                _ => "other",
            };
        }
        return "other";
    }
}
