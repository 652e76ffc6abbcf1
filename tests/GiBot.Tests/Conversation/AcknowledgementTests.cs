using System.Net;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Conversation;

/// <summary>"收到", "好的", "ok", 👍: a short answer, not an apology with the whole help card.</summary>
public sealed class AcknowledgementTests : LocalBotTest
{
    [Fact]
    public async Task Acknowledgements_get_a_short_answer_in_the_users_language()
    {
        string[] chinese = ["收到", "收到。", "好的", "好的！", "明白了", "知道了", "好", "嗯", "嗯嗯", "👍", "👍🏻"];
        string[] english = ["ok", "OK", "OK.", "okay", "got it", "Got it!", "noted"];
        var sent = 0;
        foreach (var text in chinese.Concat(english))
        {
            var response = await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, text));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var call = (await Connector.WaitForSentAsync(++sent))[^1];
            var reply = call.Json!["text"]!.GetValue<string>();
            Assert.True(call.Json!["attachments"] is null, $"\"{text}\" got a card");
            Assert.DoesNotContain("没有理解", reply, StringComparison.Ordinal);
            Assert.DoesNotContain("not understand", reply, StringComparison.Ordinal);
            Assert.Equal(english.Contains(text) ? "OK. Send \"help\" any time." : "好的。如需帮助，请发送“帮助”。", reply);
        }
    }

    [Fact]
    public async Task Yi_yue_typed_is_not_taken_as_an_acknowledgement()
    {
        // 已阅 is the relay card's button; typed, a short "好的" would suggest the update was marked as read.
        var response = await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "已阅"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await Connector.WaitForSentAsync(1))[0].Json!["text"]!.GetValue<string>();
        Assert.NotEqual("好的。如需帮助，请发送“帮助”。", reply);
    }
}
