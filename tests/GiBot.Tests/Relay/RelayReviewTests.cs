using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using GiBot.Relay;
using GiBot.Storage;
using GiBot.Tests.Cards;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Relay;

/// <summary>已阅 and 需补充 on a relayed update: the card shows who and when, the submitter hears in their 1:1 chat.</summary>
public sealed class RelayReviewTests : IAsyncLifetime
{
    private RelayHarness _harness = null!;
    private BotApp _bot = null!;
    private string _outboxId = "";

    public async ValueTask InitializeAsync()
    {
        _harness = await RelayHarness.StartAsync();
        _bot = _harness.Bot();
        await RelayHarness.AddPersonalChatsAsync(_bot, _harness.Connector.ServiceUrl);
        var key = await RelayHarness.SubmitAsync(_bot, RelayHarness.Report());
        await RelayHarness.DrainAsync(_bot);
        _outboxId = (await RelayHarness.MessageAsync(_bot, RelayOutboxMessages.UpdateKind, key)).Id.ToString(CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Acknowledging_shows_who_and_when_on_the_card_and_tells_the_submitter_once()
    {
        var card = await PressForCardAsync(RelayCardActions.Acknowledge, []);
        AdaptiveCardSchema.AssertValid(card, "relay update acknowledged");
        var text = RelayHarness.Text(card);
        Assert.Matches(@"赵审阅 已阅（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）", text);
        Assert.Contains("工作进展", text, StringComparison.Ordinal);

        var told = Assert.Single(await _harness.WaitForAsync(h => h.ChatMessages(RelayHarness.SubmitterChat)));
        var message = told.Json!["text"]!.GetValue<string>();
        Assert.Contains("赵审阅 已阅", message, StringComparison.Ordinal);
        Assert.Contains("第 8 项措施", message, StringComparison.Ordinal);

        // A second press by the same person changes nothing and tells nobody again.
        var again = await PressForCardAsync(RelayCardActions.Acknowledge, []);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(RelayHarness.Text(again), "赵审阅 已阅"));
        await Task.Delay(200);
        Assert.Single(_harness.ChatMessages(RelayHarness.SubmitterChat));
    }

    [Fact]
    public async Task Requesting_more_sends_the_comment_to_the_submitter_and_shows_it_on_the_card()
    {
        var card = await PressForCardAsync(RelayCardActions.RequestMore, new JsonObject { ["comment"] = "请补充专项检查的户数和整改情况" });
        AdaptiveCardSchema.AssertValid(card, "relay update more requested");
        Assert.Contains("赵审阅 于", RelayHarness.Text(card), StringComparison.Ordinal);
        Assert.Contains("请求补充：请补充专项检查的户数和整改情况", RelayHarness.Text(card), StringComparison.Ordinal);

        var told = Assert.Single(await _harness.WaitForAsync(h => h.ChatMessages(RelayHarness.SubmitterChat)));
        var message = told.Json!["text"]!.GetValue<string>();
        Assert.Contains("请补充专项检查的户数和整改情况", message, StringComparison.Ordinal);
        Assert.Contains("请更正该进展后重新提交", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comment_reaches_the_submitter_quoted_line_by_line_as_typed()
    {
        await PressForCardAsync(RelayCardActions.RequestMore, new JsonObject { ["comment"] = "请补充 **户数**\n1. 整改\n\n[表](http://a)" });

        var told = Assert.Single(await _harness.WaitForAsync(h => h.ChatMessages(RelayHarness.SubmitterChat)));
        Assert.Contains("：\n\n> 请补充 \\*\\*户数\\*\\*\n> 1\\. 整改\n> \n> [表]\\(http://a)\n\n请更正", told.Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requesting_more_without_a_comment_asks_for_one_and_tells_nobody()
    {
        var response = await PressAsync(RelayCardActions.RequestMore, new JsonObject { ["comment"] = "  " });
        Assert.Equal("application/vnd.microsoft.activity.message", response["type"]!.GetValue<string>());
        Assert.Contains("请先在“需补充”中填写", response["value"]!.GetValue<string>(), StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Empty(_harness.ChatMessages(RelayHarness.SubmitterChat));
    }

    [Fact]
    public async Task When_the_submitter_has_no_chat_with_the_bot_the_channel_is_told_to_contact_the_unit()
    {
        var references = _bot.Services.GetRequiredService<IConversationReferenceStore>();
        await references.MarkRemovedAsync(RelayHarness.SubmitterChat, CancellationToken.None);

        var card = await PressForCardAsync(RelayCardActions.Acknowledge, []);
        Assert.Contains("赵审阅 已阅", RelayHarness.Text(card), StringComparison.Ordinal);
        var note = Assert.Single(await _harness.WaitForAsync(h => h.Connector.Sent
            .Where(c => c.Method == "POST" && c.Path.StartsWith($"/v3/conversations/{RelayHarness.ChannelId};messageid=act-1/activities/", StringComparison.Ordinal)).ToArray()));
        Assert.Contains("请另行联系该单位", note.Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_harness.ChatMessages(RelayHarness.SubmitterChat));
    }

    [Fact]
    public async Task Someone_outside_the_section_cannot_review_and_nothing_is_recorded_or_sent()
    {
        var response = await PressAsync(RelayCardActions.RequestMore, new JsonObject { ["comment"] = "冒充的补充要求" }, fromAad: RelayHarness.SubmitterAad, fromName: "李联络员");
        Assert.Equal("application/vnd.microsoft.activity.message", response["type"]!.GetValue<string>());
        Assert.Contains("只有知识产权保护科的同事或管理员", response["value"]!.GetValue<string>(), StringComparison.Ordinal);

        var reviews = await _bot.Services.GetRequiredService<RelayReviews>().GetAsync(long.Parse(_outboxId, CultureInfo.InvariantCulture), CancellationToken.None);
        Assert.Empty(reviews.Reviews);
        await Task.Delay(200);
        Assert.Empty(_harness.ChatMessages(RelayHarness.SubmitterChat));
    }

    [Fact]
    public async Task A_review_pressed_outside_a_channel_is_refused()
    {
        var activity = RelayChannelActivities.Press(_harness.Connector.ServiceUrl, "act-1", RelayCardActions.Acknowledge, new JsonObject { ["outbox"] = _outboxId, ["lang"] = "zh-CN" });
        activity["conversation"] = new JsonObject { ["id"] = "a:personal-reviewer", ["conversationType"] = "personal", ["tenantId"] = activity["conversation"]!["tenantId"]?.DeepClone() };
        activity.Remove("channelData");
        var response = JsonNode.Parse(await (await _bot.PostActivityAsync(activity)).Content.ReadAsStringAsync())!.AsObject();

        Assert.Contains("请在知识产权保护科频道中", response["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var reviews = await _bot.Services.GetRequiredService<RelayReviews>().GetAsync(long.Parse(_outboxId, CultureInfo.InvariantCulture), CancellationToken.None);
        Assert.Empty(reviews.Reviews);
    }

    private async Task<JsonObject> PressForCardAsync(string verb, JsonObject extra)
    {
        var response = await PressAsync(verb, extra);
        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        return response["value"]!.AsObject();
    }

    private async Task<JsonObject> PressAsync(string verb, JsonObject extra, string fromAad = RelayHarness.ReviewerAad, string fromName = "赵审阅")
    {
        var data = new JsonObject { ["outbox"] = _outboxId, ["lang"] = "zh-CN" };
        foreach (var (key, value) in extra)
        {
            data[key] = value?.DeepClone();
        }
        var response = await _bot.PostActivityAsync(RelayChannelActivities.Press(_harness.Connector.ServiceUrl, "act-1", verb, data, fromAad, fromName));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
