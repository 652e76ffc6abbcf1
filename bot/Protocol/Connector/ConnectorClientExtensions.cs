using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Connector;

/// <summary>Conversation creation without building bodies by hand.</summary>
public static class ConnectorClientExtensions
{
    /// <summary>Opens (or finds) the 1:1 chat with a user; the answer's id is the conversation to send to.</summary>
    public static Task<ConversationResourceResponse> CreateOneOnOneConversationAsync(this IConnectorClient connector,
        string serviceUrl, ChannelAccount bot, string userId, string tenantId, CancellationToken cancellationToken = default) =>
        connector.CreateConversationAsync(serviceUrl, ConversationParametersFactory.OneOnOne(bot, userId, tenantId), cancellationToken);

    /// <summary>Posts <paramref name="activity"/> as the first message of a new channel thread.</summary>
    public static Task<ConversationResourceResponse> CreateChannelThreadAsync(this IConnectorClient connector,
        string serviceUrl, ChannelAccount bot, string channelId, string tenantId, Activity activity, CancellationToken cancellationToken = default) =>
        connector.CreateConversationAsync(serviceUrl, ConversationParametersFactory.ChannelThread(bot, channelId, tenantId, activity), cancellationToken);
}
