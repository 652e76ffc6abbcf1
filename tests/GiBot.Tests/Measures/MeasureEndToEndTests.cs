using System.Net;
using System.Text.Json.Nodes;
using GiBot.Tests.Cards;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Measures;

/// <summary>Questions and card buttons through POST /api/messages, answered to a fake Bot Connector.</summary>
public sealed class MeasureEndToEndTests : LocalBotTest
{
    [Fact]
    public async Task An_English_question_about_measure_8_gets_an_English_card_with_the_four_owners()
    {
        var (text, card) = await AskAsync(Activities.Message(Connector.ServiceUrl, "who is responsible for measure 8"));
        var json = CardJson.Text(card);
        Assert.Equal("en", card["lang"]!.GetValue<string>());
        foreach (var owner in new[]
        {
            "执法稽查科 (Enforcement and Inspection Section)",
            "反不正当竞争科 (Anti-Unfair Competition Section)",
            "知识产权保护科 (IP Protection Section)",
            "各县（市）、区市场监督管理局、城乡一体化示范区分局 (County (city) and district market supervision bureaus",
        })
        {
            Assert.Contains(owner, json, StringComparison.Ordinal);
            Assert.Contains(owner, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("人事科", json, StringComparison.Ordinal);
        AdaptiveCardSchema.AssertValid(card, "measure 8 (wire)");
    }

    [Fact]
    public async Task A_Chinese_question_gets_a_Chinese_card_and_the_same_content_as_text()
    {
        var (text, card) = await AskAsync(Activities.Message(Connector.ServiceUrl, "第八项措施谁负责"));
        Assert.Equal("zh", card["lang"]!.GetValue<string>());
        Assert.Contains("第 8 项措施", text, StringComparison.Ordinal);
        Assert.Contains("（八）严厉打击地理标志侵权假冒行为", text, StringComparison.Ordinal);
        foreach (var owner in new[] { "执法稽查科", "反不正当竞争科", "知识产权保护科", "各县（市）、区市场监督管理局、城乡一体化示范区分局" })
        {
            Assert.Contains(owner, CardJson.Text(card), StringComparison.Ordinal);
            Assert.Contains(owner, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_sibling_button_opens_that_measure_in_the_language_stored_on_the_card()
    {
        var press = Activities.Message(Connector.ServiceUrl, "");
        press.Remove("text");
        press["value"] = new JsonObject { ["verb"] = "measure.show", ["number"] = 9, ["lang"] = "en-US" };
        var (text, card) = await AskAsync(press);
        Assert.Equal("en", card["lang"]!.GetValue<string>());
        Assert.Contains("Measure 9", text, StringComparison.Ordinal);
        Assert.Contains("严格监督和查处地理标志专用标志使用人", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_answers_all_its_measures_in_one_card()
    {
        var (text, card) = await AskAsync(Activities.Message(Connector.ServiceUrl, "举措八"));
        foreach (var number in new[] { 8, 9, 10 })
        {
            Assert.Contains($"第 {number} 项措施", text, StringComparison.Ordinal);
            Assert.Contains($"第 {number} 项措施", CardJson.Text(card), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_number_out_of_range_says_the_plan_has_20_measures_and_offers_the_list()
    {
        var (text, card) = await AskAsync(Activities.Message(Connector.ServiceUrl, "第二十一项措施谁负责"));
        Assert.Contains("分工方案共有 20 项措施", text, StringComparison.Ordinal);
        Assert.Equal("measure.list", card["actions"]![0]!["data"]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nonsense_gets_the_help_card_in_the_users_language()
    {
        var (text, card) = await AskAsync(Activities.Message(Connector.ServiceUrl, "今天天气怎么样"));
        Assert.Contains("您可以这样问我", text, StringComparison.Ordinal);
        Assert.Equal("zh", card["lang"]!.GetValue<string>());
        AdaptiveCardSchema.AssertValid(card, "help (wire)");
    }

    [Fact]
    public async Task The_county_bureaus_come_from_configuration()
    {
        await using var bot = new BotApp(new()
        {
            ["MicrosoftAppId"] = "",
            ["Measures:CountyBureaus:0:Name"] = "测试县市场监督管理局",
            ["Measures:CountyBureaus:0:NameEn"] = "Test County Market Supervision Administration",
        });
        var response = await bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "测试县负责哪些措施"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await Connector.WaitForSentAsync(1));
        var text = call.Json!["text"]!.GetValue<string>();
        Assert.Contains("测试县市场监督管理局按职责分工负责的措施（20 项）", text, StringComparison.Ordinal);
    }

    private async Task<(string Text, JsonObject Card)> AskAsync(JsonObject activity)
    {
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await Connector.WaitForSentAsync(1));
        var attachment = Assert.Single(call.Json!["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        return (call.Json!["text"]!.GetValue<string>(), attachment["content"]!.AsObject());
    }
}
