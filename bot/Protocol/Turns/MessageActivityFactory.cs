using System.Text.Json;
using System.Text.Json.Nodes;
using GiBot.Localization;
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
        var parts = new MessageParts(
            includeText ? message.Text : null,
            hasCards ? frozen?.Summary?.Value ?? Summary(message) : null,
            hasCards ? Attachments(message.Cards) : null);
        var shrunk = MessageBudget.Shrink(message.Text, parts);
        parts = shrunk ?? parts;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = bot is null ? null : new ChannelAccount { Id = bot.Id, Name = bot.Name },
            Text = parts.Text,
            TextFormat = parts.Text is null ? null : (message.Markdown ? "markdown" : "plain"),
            Summary = parts.Summary,
            Attachments = parts.Attachments,
            EncodedText = frozen?.Text,
            EncodedSummary = frozen?.Summary,
        };
        // A mention whose text was cut away would name nobody in the message.
        var mentions = shrunk is null ? message.Mentions : message.Mentions.Where(m => parts.Text?.Contains(m.Text, StringComparison.Ordinal) == true).ToList();
        if (mentions.Count > 0)
        {
            activity.Entities = mentions.Select(m => JsonSerializer.SerializeToElement(
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

    /// <summary>The notification preview of a message with cards: the start of its text, without Markdown's backslash escapes (the preview is plain text).</summary>
    internal static string Summary(OutgoingMessage message) => message.Markdown ? MarkdownText.Plain(message.Text, 200) : TextCut.Prefix(message.Text, 200);
}
