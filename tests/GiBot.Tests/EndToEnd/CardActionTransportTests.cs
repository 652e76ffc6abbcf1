using System.Text.Json;
using GiBot.Conversation;
using GiBot.Localization;

namespace GiBot.Tests.EndToEnd;

/// <summary>
/// Both ways a card button reaches the bot through the playground: Action.Submit (a message with
/// <c>value</c>) and Action.Execute (an <c>adaptiveCard/action</c> invoke). A verb no feature owns must
/// get a polite answer that says what to do, never the help text meant for typed messages.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class CardActionTransportTests(PlaygroundFixture fixture)
{
    private const string UnknownVerb = "gibot.e2e.no-such-button";

    [Fact]
    public async Task A_submit_with_an_unknown_verb_is_answered_politely_in_the_cards_language()
    {
        var playground = fixture.Require();
        var chat = playground.Tenant.PersonalChatId;
        var botMessage = await BotMessageToPressAsync(playground, chat);

        var since = await playground.SubmitAsync(chat, botMessage, new { verb = UnknownVerb, lang = "en-US" });

        // The playground may deliver the help card it was pressed on as its own frame after the press.
        var reply = await playground.WaitForBotMessageAsync(chat, f => f.Text is not null, since);
        Assert.NotEqual(HelpText.Help(Language.English), reply.Text);
        Assert.False(reply.Text!.Any(LanguageDetector.IsCjk), reply.Text);
        Assert.Contains("\"help\"", reply.Text);
    }

    [Fact]
    public async Task An_execute_with_an_unknown_verb_gets_a_message_invoke_response()
    {
        var playground = fixture.Require();
        var chat = playground.Tenant.PersonalChatId;
        var botMessage = await BotMessageToPressAsync(playground, chat);

        var result = await playground.ExecuteAsync(chat, botMessage, UnknownVerb, new { lang = "zh-CN" });

        Assert.Equal(System.Net.HttpStatusCode.OK, result.HttpStatus);
        Assert.Equal("application/vnd.microsoft.activity.message", result.Type);
        Assert.Equal(JsonValueKind.String, result.Value?.ValueKind);
        Assert.Contains("“帮助”", result.Value!.Value.GetString());
    }

    // The playground accepts a button press only on a message that exists in the conversation.
    private static async Task<string> BotMessageToPressAsync(PlaygroundDriver playground, string chat)
    {
        var sent = await playground.SendMessageAsync(chat, "help");
        var reply = await playground.WaitForBotMessageAsync(chat, f => f.Text == HelpText.Help(Language.English), sent.StreamPosition);
        return reply.MessageId!;
    }
}
