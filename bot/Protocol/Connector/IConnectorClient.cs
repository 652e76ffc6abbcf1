using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API (protocol.md section 3). Every call names the service URL it goes to,
/// since Teams may serve a conversation from any region.
/// </summary>
public interface IConnectorClient
{
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default);

    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>Every member of the conversation, following the paged call's continuation tokens.</summary>
    Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default);

    /// <summary>One page of members; pass the previous page's continuation token for the next.</summary>
    Task<PagedMembers> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default);

    /// <summary>One member by 29: id, UPN or AAD object id; null when the connector does not know it.</summary>
    Task<ChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default);
}

public sealed record ChannelInfo(string Id, string? Name);
