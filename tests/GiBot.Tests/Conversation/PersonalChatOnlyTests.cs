using System.Text.Json.Nodes;
using GiBot.Tests.Updates;
using GiBot.Updates;

namespace GiBot.Tests.Conversation;

/// <summary>What only the asker may see is answered in their 1:1 chat, never in a group chat or channel.</summary>
public sealed class PersonalChatOnlyTests : IAsyncLifetime
{
    private UpdateBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await UpdateBot.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("groupChat", "导出台账")]
    [InlineData("channel", "总览")]
    [InlineData("groupChat", "第8项进展")]
    [InlineData("groupChat", "汇报第8项")]
    [InlineData("channel", "update 8 推进中 60% 已完成专项检查3次")]
    [InlineData("groupChat", "我的措施")]
    [InlineData("groupChat", "成员名单")]
    [InlineData("groupChat", "提醒计划")]
    public async Task Restricted_commands_outside_a_personal_chat_point_to_it_and_reveal_nothing(string conversationType, string text)
    {
        await _bot.SayAsync("update 8 推进中 60% 稽查科的内部进展");

        var answer = await _bot.SendAsync(InConversation(_bot.Message(text, People.Admin), conversationType));
        Assert.Null(answer.Card);
        Assert.Contains("只在与 GiBot 的一对一聊天中提供", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"发送“{text}”", answer.Text, StringComparison.Ordinal);
        Assert.Contains("https://teams.microsoft.com/l/chat/0/0?users=28%3A", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("内部进展", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", answer.Text, StringComparison.Ordinal);
        Assert.Single(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task English_gets_the_english_pointer()
    {
        var answer = await _bot.SendAsync(InConversation(_bot.Message("history 8", People.Admin), "groupChat"));
        Assert.Contains("only available in your 1:1 chat with GiBot", answer.Text, StringComparison.Ordinal);
        Assert.Contains("send \"history 8\"", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_about_the_plan_are_still_answered_in_a_group()
    {
        var answer = await _bot.SendAsync(InConversation(_bot.Message("第8项措施谁负责", People.Inspector), "groupChat"));
        Assert.Contains("执法稽查科", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("一对一聊天", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_update_button_pressed_in_a_group_opens_nothing_there(bool execute)
    {
        var data = new JsonObject { ["verb"] = UpdateVerbs.Start, ["measure"] = "8", ["lang"] = "zh-CN" };
        var activity = InConversation(_bot.Message("", People.Inspector), "groupChat");
        activity.Remove("text");
        if (execute)
        {
            activity["type"] = "invoke";
            activity["name"] = "adaptiveCard/action";
            activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = UpdateVerbs.Start, ["data"] = data } };
        }
        else
        {
            activity["value"] = data;
        }
        var answer = await _bot.SendAsync(activity);
        Assert.Null(answer.Card);
        Assert.Contains("发送“汇报进展”", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("groupChat", true)]
    [InlineData("channel", true)]
    [InlineData("personal", false)]
    public async Task The_welcome_in_a_group_says_to_mention_gibot_and_where_reports_go(string conversationType, bool note)
    {
        var added = InConversation(_bot.Message("", People.Inspector), conversationType);
        added.Remove("text");
        added["type"] = "conversationUpdate";
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Infrastructure.Activities.BotId });

        var welcome = await _bot.SendAsync(added);
        Assert.Contains("您好", welcome.Text, StringComparison.Ordinal);
        Assert.Equal(note, welcome.Text!.Contains("请先 @GiBot 再提问", StringComparison.Ordinal));
    }

    private static JsonObject InConversation(JsonObject activity, string conversationType)
    {
        activity["conversation"] = new JsonObject { ["id"] = $"19:{conversationType}@thread.v2", ["conversationType"] = conversationType, ["tenantId"] = "tenant-1" };
        return activity;
    }
}
