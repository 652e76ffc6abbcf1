using System.Net;
using System.Text.Json.Nodes;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Measures;

/// <summary>The measure buttons through the message endpoint, as Action.Submit and as Action.Execute.</summary>
public sealed class MeasureCardActionTests : LocalBotTest
{
    public static TheoryData<string, string, string> Presses() => new()
    {
        { """{"verb":"measure.item","item":"十三","lang":"zh-CN"}""", "第 17 项措施", "第 20 项措施" },
        { """{"verb":"measure.section","section":"五","lang":"en-US"}""", "- **13.**", "- **15.**" },
        { """{"verb":"measure.unit","unit":"人事科","lang":"zh-CN"}""", "- **16.**", "- **18.**" },
        { """{"verb":"measure.list","lang":"en-US"}""", "- **1.**", "- **20.**" },
    };

    [Theory]
    [MemberData(nameof(Presses))]
    public async Task A_submitted_button_answers_with_its_list_or_group(string value, string first, string last)
    {
        var text = await PressAsync(JsonNode.Parse(value)!.AsObject());
        Assert.Contains(first, text, StringComparison.Ordinal);
        Assert.Contains(last, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_with_unreadable_data_gets_a_polite_hint()
    {
        var text = await PressAsync(new JsonObject { ["verb"] = "measure.show", ["number"] = "abc", ["lang"] = "zh-CN" });
        Assert.Contains("第八项措施谁负责", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Execute_invoke_is_answered_and_the_measure_is_sent()
    {
        var invoke = Activities.Message(Connector.ServiceUrl, "");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke.Remove("text");
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "measure.show", ["data"] = new JsonObject { ["number"] = 14, ["lang"] = "zh-CN" } },
        };
        var response = await Bot.PostActivityAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await Connector.WaitForSentAsync(1));
        Assert.Contains("知识产权维权保护中心", call.Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<string> PressAsync(JsonObject value)
    {
        var press = Activities.Message(Connector.ServiceUrl, "");
        press.Remove("text");
        press["value"] = value;
        var response = await Bot.PostActivityAsync(press);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await Connector.WaitForSentAsync(1));
        return call.Json!["text"]!.GetValue<string>();
    }
}
