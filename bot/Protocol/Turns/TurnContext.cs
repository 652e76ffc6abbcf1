using System.Text.Json;
using GiBot.Localization;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Turns;

/// <summary>
/// One inbound activity and the means to answer it. Features read the user's words and identity
/// from here and answer with <see cref="OutgoingMessage"/>; they never see HTTP.
/// </summary>
public sealed class TurnContext
{
    private readonly IConnectorClient _connector;

    public TurnContext(Activity activity, IConnectorClient connector, string text)
    {
        Activity = activity;
        _connector = connector;
        Text = text;
        Language = LanguageDetector.Detect(text, activity.Locale);
    }

    public Activity Activity { get; }

    /// <summary>The user's text with the bot's @mention removed and whitespace trimmed.</summary>
    public string Text { get; }

    /// <summary>The language to answer in; a card action may override it with the language stored on the card.</summary>
    public Language Language { get; set; }

    public string ServiceUrl => Activity.ServiceUrl!;

    public string ConversationId => Activity.Conversation!.Id!;

    public string? ConversationType => Activity.Conversation?.ConversationType;

    public bool IsPersonalChat => ConversationType is null or "personal";

    public string? UserId => Activity.From?.Id;

    public string? UserAadObjectId => Activity.From?.AadObjectId;

    public string? UserName => Activity.From?.Name;

    public string? TenantId => Activity.Conversation?.TenantId ?? ReadChannelData("tenant", "id");

    public string? TeamId => ReadChannelData("team", "id");

    public string? TeamName => ReadChannelData("team", "name");

    public string? ChannelId => ReadChannelData("channel", "id");

    /// <summary>Ids of activities this turn sent, in order.</summary>
    public List<string> SentActivityIds { get; } = [];

    /// <summary>Replies to the inbound activity (the reply call, with replyToId set, as Teams expects).</summary>
    public async Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var activity = MessageActivityFactory.Create(message, Activity.Conversation!, Activity.Recipient);
        activity.ReplyToId = Activity.Id;
        var response = string.IsNullOrEmpty(Activity.Id)
            ? await _connector.SendToConversationAsync(ServiceUrl, ConversationId, activity, cancellationToken)
            : await _connector.ReplyToActivityAsync(ServiceUrl, ConversationId, Activity.Id, activity, cancellationToken);
        if (response.Id is not null)
        {
            SentActivityIds.Add(response.Id);
        }
        return response.Id;
    }

    /// <summary>Replaces an earlier bot message (e.g. a card) in place.</summary>
    public async Task UpdateAsync(string activityId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var activity = MessageActivityFactory.Create(message, Activity.Conversation!, Activity.Recipient, forUpdate: true);
        await _connector.UpdateActivityAsync(ServiceUrl, ConversationId, activityId, activity, cancellationToken);
    }

    private string? ReadChannelData(string objectName, string property)
    {
        if (Activity.ChannelData is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty(objectName, out var inner) || inner.ValueKind != JsonValueKind.Object
            || !inner.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        return value.GetString();
    }
}
