using GiBot.Cards;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;

namespace GiBot.Relay;

/// <summary>The three connector calls the relay makes in a channel, returning the posted activity ids.</summary>
public sealed class ChannelPoster(IConnectorClient connector)
{
    /// <summary>A new thread whose first message is the card; returns the root activity id.</summary>
    public async Task<string> StartThreadAsync(RelayTarget target, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var activity = Activity(target, target.ChannelId, message);
        var created = await connector.CreateChannelThreadAsync(target.ServiceUrl, Bot(target), target.ChannelId, target.TenantId, activity, cancellationToken);
        return created.ActivityId ?? RootIdFrom(created.Id)
            ?? throw new ConnectorException(System.Net.HttpStatusCode.BadGateway, "NoActivityId", "The connector created a thread but named no activity id.");
    }

    /// <summary>A reply in the thread; returns its activity id.</summary>
    public async Task<string> ReplyAsync(RelayTarget target, string rootActivityId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var conversationId = target.ThreadConversationId(rootActivityId);
        var response = await connector.SendToConversationAsync(target.ServiceUrl, conversationId, Activity(target, conversationId, message), cancellationToken);
        return response.Id
            ?? throw new ConnectorException(System.Net.HttpStatusCode.BadGateway, "NoActivityId", "The connector accepted a reply but named no activity id.");
    }

    public Task UpdateAsync(RelayTarget target, string rootActivityId, string activityId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var conversationId = target.ThreadConversationId(rootActivityId);
        var activity = MessageActivityFactory.Create(new OutgoingMessage("", card), new ConversationAccount { Id = conversationId }, Bot(target), forUpdate: true);
        activity.Id = activityId;
        return connector.UpdateActivityAsync(target.ServiceUrl, conversationId, activityId, activity, cancellationToken);
    }

    public Task DeleteAsync(RelayTarget target, string rootActivityId, CancellationToken cancellationToken) =>
        connector.DeleteActivityAsync(target.ServiceUrl, target.ThreadConversationId(rootActivityId), rootActivityId, cancellationToken);

    private static Activity Activity(RelayTarget target, string conversationId, OutgoingMessage message) =>
        MessageActivityFactory.Create(message, new ConversationAccount { Id = conversationId }, Bot(target));

    private static ChannelAccount Bot(RelayTarget target) => new() { Id = target.BotId };

    private static string? RootIdFrom(string? threadConversationId)
    {
        const string marker = ";messageid=";
        var at = threadConversationId?.IndexOf(marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        return at < 0 ? null : threadConversationId![(at + marker.Length)..];
    }
}
