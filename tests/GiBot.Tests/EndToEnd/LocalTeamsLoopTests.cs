using GiBot.Conversation;
using GiBot.Localization;

namespace GiBot.Tests.EndToEnd;

/// <summary>
/// The local Teams loop: the real bot process behind the Microsoft 365 Agents Playground with the
/// repository's mock tenant. Every step goes through the playground's HTTP API, and every answer is
/// read from its conversation stream, as the browser UI would show it.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class LocalTeamsLoopTests(PlaygroundFixture fixture)
{
    [Fact]
    public async Task Help_in_the_personal_chat_is_answered_in_English()
    {
        var playground = fixture.Require();
        var chat = playground.Tenant.PersonalChatId;

        var sent = await playground.SendMessageAsync(chat, "help");

        var reply = await playground.WaitForBotMessageAsync(chat, f => f.Text == HelpText.Help(Language.English), sent.StreamPosition);
        Assert.Equal(PlaygroundFrame.CreateMessage, reply.Action);
        Assert.Contains("list all measures", reply.Text);
        Assert.Empty(reply.Attachments);
    }

    [Fact]
    public async Task Chinese_help_in_the_personal_chat_is_answered_in_Chinese()
    {
        var playground = fixture.Require();
        var chat = playground.Tenant.PersonalChatId;

        var sent = await playground.SendMessageAsync(chat, "帮助");

        var reply = await playground.WaitForBotMessageAsync(chat, f => f.Text == HelpText.Help(Language.Chinese), sent.StreamPosition);
        Assert.Contains("列出全部措施", reply.Text);
    }

    [Fact]
    public async Task Installing_the_bot_in_the_personal_chat_brings_a_welcome()
    {
        var playground = fixture.Require();
        var chat = playground.Tenant.PersonalChatId;

        var since = await playground.InstallAsync(chat);

        var welcome = await playground.WaitForBotMessageAsync(chat,
            f => f.Text == HelpText.Welcome(Language.Chinese) || f.Text == HelpText.Welcome(Language.English), since);
        Assert.Contains("GiBot", welcome.Text);
        // The welcome also says what to ask: it carries the help text.
        Assert.True(welcome.Text!.EndsWith(HelpText.Help(Language.Chinese), StringComparison.Ordinal)
            || welcome.Text.EndsWith(HelpText.Help(Language.English), StringComparison.Ordinal), welcome.Text);
    }

    [Fact]
    public async Task A_channel_message_mentioning_the_bot_is_answered_in_its_post_without_the_mention()
    {
        var playground = fixture.Require();
        var tenant = playground.Tenant;
        var channel = tenant.Channel.Id;
        // The bot's display name is Chinese, so an English answer proves the bot removed its mention
        // before choosing the language: "<at>GiBot 地理标志助手</at> help" read whole would be Chinese.
        Assert.True(tenant.Bot.Name.Any(LanguageDetector.IsCjk), $"The playground bot name '{tenant.Bot.Name}' should contain Chinese.");

        var sent = await playground.SendMessageAsync(channel, $"{tenant.BotMentionText} help", mentions: [tenant.BotMention]);

        Assert.NotNull(sent.PostConversationId);
        Assert.StartsWith(channel + ";messageid=", sent.PostConversationId);
        var reply = await playground.WaitForBotMessageAsync(sent.PostConversationId, f => f.Text is not null, sent.StreamPosition);
        Assert.Equal(HelpText.Help(Language.English), reply.Text);
        // A reply in the thread, not a new post in the channel.
        Assert.DoesNotContain(playground.Conversation.Items, f => f.Position >= sent.StreamPosition && f.ConversationId == channel && f.IsFrom(tenant.Bot.Id));
    }

    [Fact]
    public async Task A_reply_inside_a_post_is_answered_in_the_same_post()
    {
        var playground = fixture.Require();
        var tenant = playground.Tenant;
        var post = await playground.SendMessageAsync(tenant.Channel.Id, $"{tenant.BotMentionText} 帮助", mentions: [tenant.BotMention]);
        await playground.WaitForBotMessageAsync(post.PostConversationId!, f => f.Text == HelpText.Help(Language.Chinese), post.StreamPosition);

        var followUp = await playground.SendMessageAsync(post.PostConversationId!, $"{tenant.BotMentionText} help", mentions: [tenant.BotMention]);

        Assert.Null(followUp.PostConversationId);
        var reply = await playground.WaitForBotMessageAsync(post.PostConversationId!, f => f.Text is not null, followUp.StreamPosition);
        Assert.Equal(HelpText.Help(Language.English), reply.Text);
    }
}
