using System.Text.Json;
using System.Text.Json.Nodes;

namespace GiBot.Tests.EndToEnd;

/// <summary>
/// Issues 6 and 7 in the local Teams: an admin sets the 知识产权保护科 channel as the relay target, fills
/// and submits the update card in the personal chat (preview, then confirm), and the update appears in
/// that channel as a thread for the measure.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class UpdateRelayEndToEndTests(PlaygroundFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_card_filled_and_submitted_in_the_personal_chat_appears_in_the_channel()
    {
        var playground = fixture.Require();
        var tenant = playground.Tenant;
        var channel = tenant.Channel.Id;
        var chat = tenant.PersonalChatId;
        var progress = "端到端测试：已完成专项检查" + Guid.NewGuid().ToString("N")[..6];

        var relayHere = await playground.SendMessageAsync(channel, $"{tenant.BotMentionText} 在此频道接收进展", mentions: [tenant.BotMention]);
        await playground.WaitForMessageAsync(f => f.IsFrom(tenant.Bot.Id) && f.ConversationId.StartsWith(channel, StringComparison.Ordinal), Timeout, relayHere.StreamPosition);

        var opened = await playground.SendMessageAsync(chat, "汇报第8项");
        var form = await playground.WaitForBotMessageAsync(chat, f => HasVerb(f, "update.preview"), opened.StreamPosition, Timeout);
        var card = form.AdaptiveCards.First(c => c.GetRawText().Contains("update.preview", StringComparison.Ordinal));

        var values = InputDefaults(card);
        foreach (var (key, value) in ActionData(card, "update.preview"))
        {
            values[key] = value;
        }
        // An admin may report for any responsible unit, so the card asks which one.
        values["unit"] = "知识产权保护科";
        values["status"] = "推进中";
        values["percent"] = "60";
        values["progress"] = progress;
        var previewAt = await playground.SubmitAsync(chat, form.MessageId!, values);

        var preview = await playground.WaitForMessageAsync(f => f.MessageId == form.MessageId && f.Action == PlaygroundFrame.UpdateMessage, Timeout, previewAt);
        Assert.True(HasVerb(preview, "update.submit"), "expected the preview, got: " + string.Join("\n", preview.AdaptiveCards.Select(c => c.GetRawText())) + "\nsubmitted: " + JsonSerializer.Serialize(values));
        var confirm = ActionData(preview.AdaptiveCards.First(c => c.GetRawText().Contains("update.submit", StringComparison.Ordinal)), "update.submit");
        var submittedAt = await playground.SubmitAsync(chat, form.MessageId!, confirm);

        var receipt = await playground.WaitForMessageAsync(f => f.MessageId == form.MessageId && f.Action == PlaygroundFrame.UpdateMessage
            && f.AdaptiveCards.Any(c => c.GetRawText().Contains(progress, StringComparison.Ordinal)) && !HasVerb(f, "update.submit"), Timeout, submittedAt);
        Assert.NotNull(receipt);

        var relayed = await playground.WaitForMessageAsync(f => f.IsFrom(tenant.Bot.Id) && f.ConversationId.StartsWith(channel, StringComparison.Ordinal)
            && f.AdaptiveCards.Any(c => c.GetRawText().Contains(progress, StringComparison.Ordinal)), Timeout, submittedAt);
        // The update is a reply inside the measure's thread, not a loose post.
        Assert.Contains(";messageid=", relayed.ConversationId, StringComparison.Ordinal);
    }

    private static bool HasVerb(PlaygroundFrame frame, string verb) =>
        frame.AdaptiveCards.Any(c => c.GetRawText().Contains($"\"{verb}\"", StringComparison.Ordinal));

    /// <summary>Every input's id with its current value, as a Teams client would submit them.</summary>
    private static Dictionary<string, object?> InputDefaults(JsonElement card)
    {
        var values = new Dictionary<string, object?>();
        Walk(JsonNode.Parse(card.GetRawText())!, node =>
        {
            if (node is JsonObject o && o["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal)
                && o["id"]?.GetValue<string>() is { } id)
            {
                values[id] = o["value"]?.ToString();
            }
        });
        return values;
    }

    private static Dictionary<string, object?> ActionData(JsonElement card, string verb)
    {
        Dictionary<string, object?>? found = null;
        Walk(JsonNode.Parse(card.GetRawText())!, node =>
        {
            if (node is JsonObject o && o["data"] is JsonObject data && data["verb"]?.ToString() == verb)
            {
                found ??= data.ToDictionary(p => p.Key, p => (object?)p.Value?.ToString());
            }
        });
        return found ?? throw new InvalidOperationException($"The card has no button with verb {verb}.");
    }

    private static void Walk(JsonNode node, Action<JsonNode> visit)
    {
        visit(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        Walk(child, visit);
                    }
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        Walk(child, visit);
                    }
                }
                break;
        }
    }
}
