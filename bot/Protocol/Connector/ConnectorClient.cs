using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Connector;

/// <summary>
/// Bot Connector REST client over a typed <see cref="HttpClient"/>. Retries and throttling live in
/// the HttpClient's handler pipeline; this class builds URLs and bodies and maps errors.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IBotTokenProvider tokens, ServiceUrlPolicy serviceUrls) : IConnectorClient
{
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, ProtocolJson.Default.Activity, ProtocolJson.Default.ResourceResponse, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        activity.ReplyToId ??= activityId;
        return SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, ProtocolJson.Default.Activity, ProtocolJson.Default.ResourceResponse, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        activity.Id = activityId;
        return SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, ProtocolJson.Default.Activity, ProtocolJson.Default.ResourceResponse, cancellationToken);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        using var response = await ExchangeAsync(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", null, cancellationToken);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, ProtocolJson.Default.ConversationParameters, ProtocolJson.Default.ConversationResourceResponse, cancellationToken);

    public async Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default)
    {
        using var response = await ExchangeAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members", null, cancellationToken);
        return await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ListChannelAccount, cancellationToken) ?? [];
    }

    public async Task<ChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await ExchangeAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, cancellationToken);
            return await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ChannelAccount, cancellationToken);
        }
        catch (ConnectorException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default)
    {
        using var response = await ExchangeAsync(HttpMethod.Get, serviceUrl, $"v3/teams/{Escape(teamId)}/conversations", null, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        if (!document.RootElement.TryGetProperty("conversations", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return list.EnumerateArray()
            .Where(c => c.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            .Select(c => new ChannelInfo(
                c.GetProperty("id").GetString()!,
                c.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null))
            .ToArray();
    }

    private async Task<TResult> SendAsync<TBody, TResult>(HttpMethod method, string serviceUrl, string path, TBody body,
        JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
        where TResult : new()
    {
        var content = JsonContent.Create(body, bodyType, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });
        using var response = await ExchangeAsync(method, serviceUrl, path, content, cancellationToken);
        if (response.Content.Headers.ContentLength == 0)
        {
            return new TResult();
        }
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? new TResult() : JsonSerializer.Deserialize(text, resultType) ?? new TResult();
    }

    private async Task<HttpResponseMessage> ExchangeAsync(HttpMethod method, string serviceUrl, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        var baseUri = serviceUrls.Resolve(serviceUrl);
        var forceRefresh = false;
        while (true)
        {
            using var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = content };
            var token = await tokens.GetTokenAsync(forceRefresh, cancellationToken);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
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

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
