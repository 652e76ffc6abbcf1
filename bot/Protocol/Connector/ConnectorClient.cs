using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Connector;

/// <summary>
/// Bot Connector REST client (protocol.md section 3). Retries, timeouts and rate limits live in
/// <see cref="ConnectorExchange"/> (<see cref="ConnectorSetup"/>);
/// this class builds URLs and bodies, attaches the token and maps failures to <see cref="ConnectorException"/>.
/// </summary>
public sealed class ConnectorClient : IConnectorClient
{
    private readonly ConnectorExchange _exchange;
    private readonly IBotTokenProvider _tokens;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly ILogger<ConnectorClient> _logger;

    internal ConnectorClient(ConnectorExchange exchange, IBotTokenProvider tokens, ServiceUrlPolicy serviceUrls, ILogger<ConnectorClient> logger)
    {
        _exchange = exchange;
        _tokens = tokens;
        _serviceUrls = serviceUrls;
        _logger = logger;
    }

    /// <summary>Teams serves at most 500 members per page (and treats less than 50 as 50).</summary>
    public const int MaxPageSize = 500;

    /// <summary>The header for the last token handed out: the token changes about once an hour.</summary>
    private volatile BearerHeader? _bearer;

    private sealed record BearerHeader(string Token, AuthenticationHeaderValue Value);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", conversationId,
            Serialize(activity, ProtocolJson.Wire.Activity), ProtocolJson.Default.ResourceResponse, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        activity.ReplyToId ??= activityId;
        return SendAsync(HttpMethod.Post, serviceUrl, ActivityPath(conversationId, activityId), conversationId,
            Serialize(activity, ProtocolJson.Wire.Activity), ProtocolJson.Default.ResourceResponse, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        activity.Id = activityId;
        return SendAsync(HttpMethod.Put, serviceUrl, ActivityPath(conversationId, activityId), conversationId,
            Serialize(activity, ProtocolJson.Wire.Activity), ProtocolJson.Default.ResourceResponse, cancellationToken);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        using var response = await ExchangeAsync(HttpMethod.Delete, serviceUrl, ActivityPath(conversationId, activityId), conversationId, null, cancellationToken);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", CreateKey(parameters),
            Serialize(parameters, ProtocolJson.Wire.ConversationParameters), ProtocolJson.Default.ConversationResourceResponse, cancellationToken);

    /// <summary>Every member, page by page through <c>pagedmembers</c> (the non-paged call is deprecated for Teams).</summary>
    public async Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default)
    {
        var members = new List<ChannelAccount>();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? continuationToken = null;
        do
        {
            var page = await GetPagedMembersAsync(serviceUrl, conversationId, MaxPageSize, continuationToken, cancellationToken);
            members.AddRange(page.Members);
            continuationToken = page.ContinuationToken;
        }
        // A token seen before would page forever.
        while (!string.IsNullOrEmpty(continuationToken) && seenTokens.Add(continuationToken));
        return members;
    }

    public async Task<PagedMembers> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add("pageSize=" + Math.Clamp(size, 1, MaxPageSize).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + Uri.EscapeDataString(continuationToken));
        }
        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        using var response = await ExchangeAsync(HttpMethod.Get, serviceUrl, path, conversationId, null, cancellationToken);
        return await ReadAsync(response, ConnectorJson.Default.PagedMembers, cancellationToken) ?? new PagedMembers();
    }

    public async Task<ChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await ExchangeAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", conversationId, null, cancellationToken);
            return await ReadAsync(response, ProtocolJson.Default.ChannelAccount, cancellationToken);
        }
        catch (ConnectorException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default)
    {
        using var response = await ExchangeAsync(HttpMethod.Get, serviceUrl, $"v3/teams/{Escape(teamId)}/conversations", RateLimitKey.ForTeam(teamId), null, cancellationToken);
        var channels = await ReadAsync(response, ConnectorJson.Default.TeamChannels, cancellationToken);
        return channels?.Conversations?.Where(c => !string.IsNullOrEmpty(c.Id)).ToArray() ?? [];
    }

    private async Task<TResult> SendAsync<TResult>(HttpMethod method, string serviceUrl, string path, string rateLimitKey, byte[] body,
        JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
        where TResult : new()
    {
        using var response = await ExchangeAsync(method, serviceUrl, path, rateLimitKey, body, cancellationToken);
        return await ReadAsync(response, resultType, cancellationToken) ?? new TResult();
    }

    private async Task<HttpResponseMessage> ExchangeAsync(HttpMethod method, string serviceUrl, string path, string rateLimitKey, byte[]? body, CancellationToken cancellationToken)
    {
        var baseUri = _serviceUrls.Resolve(serviceUrl);
        var forceRefresh = false;
        while (true)
        {
            using var request = new ConnectorRequest(method, new Uri(baseUri, path), rateLimitKey);
            if (body is not null)
            {
                request.Content = new ConnectorContent(body);
            }
            var token = await _tokens.GetTokenAsync(forceRefresh, cancellationToken);
            if (token is not null)
            {
                request.Headers.Authorization = Bearer(token);
            }
            var response = await SendOnceAsync(request, path, cancellationToken);
            LogExchange(request, response);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }
            // One retry with a fresh token on 401, as the Bot Framework SDK does.
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && !forceRefresh)
            {
                response.Dispose();
                forceRefresh = true;
                continue;
            }
            throw await ConnectorErrors.ToExceptionAsync(response, method, path, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(ConnectorRequest request, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await _exchange.SendAsync(request, cancellationToken);
        }
        catch (ConnectorTimeoutException e)
        {
            throw new ConnectorException(HttpStatusCode.RequestTimeout, "Timeout", $"Connector {request.Method} {path} timed out: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new ConnectorException(HttpStatusCode.ServiceUnavailable, "Unreachable", $"Connector {request.Method} {path} could not be reached: {e.Message}", e);
        }
    }

    private AuthenticationHeaderValue Bearer(string token)
    {
        if (_bearer is { } last && ReferenceEquals(last.Token, token))
        {
            return last.Value;
        }
        var header = new BearerHeader(token, new AuthenticationHeaderValue("Bearer", token));
        _bearer = header;
        return header.Value;
    }

    private void LogExchange(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }
        var operationId = response.Headers.TryGetValues(ConnectorResilience.OperationIdHeader, out var values) ? string.Join(",", values) : null;
        _logger.LogDebug("Connector {Method} {Path} answered {Status}, X-Correlating-OperationId {OperationId}",
            request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, operationId);
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize(text, type);
    }

    /// <summary>Activities go through <see cref="ActivityWriter"/>: the same bytes as the serializer's, written faster.</summary>
    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) =>
        value is Activity activity && ReferenceEquals(type, ProtocolJson.Wire.Activity)
            ? ActivityWriter.ToUtf8Bytes(activity)
            : JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static string CreateKey(ConversationParameters parameters)
    {
        string? channelId = null;
        if (parameters.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object
            && channel.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            channelId = id.GetString();
        }
        return RateLimitKey.ForCreate(channelId, parameters.Members?.FirstOrDefault()?.Id);
    }

    private static string ActivityPath(string conversationId, string activityId) =>
        $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
