namespace GiBot.Relay;

/// <summary>Where relayed updates go: a channel, and what the connector needs to post there.</summary>
public sealed record RelayTarget(string? TeamId, string ChannelId, string ServiceUrl, string TenantId, string BotId)
{
    /// <summary>Who set it in Teams, and when; null when it comes from appsettings.json.</summary>
    public string? SetBy { get; init; }

    public DateTimeOffset? SetAt { get; init; }

    /// <summary>The conversation id of a reply in the thread whose first message is <paramref name="rootActivityId"/>.</summary>
    public string ThreadConversationId(string rootActivityId) => $"{ChannelId};messageid={rootActivityId}";
}
