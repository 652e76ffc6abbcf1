using System.Text.Json;
using System.Text.Json.Nodes;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Turns;

/// <summary>Turns an <see cref="OutgoingMessage"/> into a connector activity.</summary>
public static class MessageActivityFactory
{
    public static Activity Create(OutgoingMessage message, ConversationAccount conversation, ChannelAccount? bot, bool forUpdate = false)
    {
        var hasCards = message.Cards.Count > 0;
        // The playground (and Teams) refuse an update carrying text and a card together.
        var includeText = !hasCards || !(forUpdate || message.TextOnlyWithoutCards);
        var frozen = FrozenMessages.Find(message);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = bot is null ? null : new ChannelAccount { Id = bot.Id, Name = bot.Name },
            Text = includeText ? message.Text : null,
            TextFormat = includeText ? (message.Markdown ? "markdown" : "plain") : null,
            Summary = hasCards ? frozen?.Summary?.Value ?? Summary(message) : null,
            Attachments = hasCards ? Attachments(message.Cards) : null,
            EncodedText = frozen?.Text,
            EncodedSummary = frozen?.Summary,
        };
        if (message.Mentions.Count > 0)
        {
            activity.Entities = message.Mentions.Select(m => JsonSerializer.SerializeToElement(
                new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = m.Text,
                    ["mentioned"] = new JsonObject { ["id"] = m.UserId, ["name"] = m.Name },
                }, ProtocolJson.Default.JsonObject)).ToList();
        }
        if (message.Alert)
        {
            activity.ChannelData = JsonSerializer.SerializeToElement(
                new JsonObject { ["notification"] = new JsonObject { ["alert"] = true } },
                ProtocolJson.Default.JsonObject);
        }
        return activity;
    }

    private static List<Attachment> Attachments(IReadOnlyList<Cards.AdaptiveCard> cards)
    {
        var attachments = new List<Attachment>(cards.Count);
        foreach (var card in cards)
        {
            attachments.Add(new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = CardPayloads.Of(card) });
        }
        return attachments;
    }

    /// <summary>The notification preview of a message with cards: the start of its text.</summary>
    internal static string Summary(OutgoingMessage message) => Truncate(message.Text, 200);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
