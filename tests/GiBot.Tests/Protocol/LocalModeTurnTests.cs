using System.Net;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Protocol;

public sealed class LocalModeTurnTests : LocalBotTest
{
    [Fact]
    public async Task Help_is_answered_with_the_reply_call_and_no_token()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "help", id: "m-1");
        var response = await Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await Connector.WaitForSentAsync(1));
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v3/conversations/a:personal-1/activities/m-1", call.Path);
        Assert.Null(call.Authorization);
        Assert.Equal("m-1", call.Json!["replyToId"]!.GetValue<string>());
        Assert.Contains("list all measures", call.Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chinese_text_gets_a_Chinese_answer()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "帮助"));
        var call = Assert.Single(await Connector.WaitForSentAsync(1));
        Assert.Contains("您可以这样问我", call.Json!["text"]!.GetValue<string>());
        // Sent as UTF-8, not \uXXXX escapes that triple a Chinese card's size against Teams' limit.
        Assert.Contains("您可以这样问我", call.Body);
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_is_handled_once()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "help", id: "dup-1");
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(activity)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(activity)).StatusCode);
        await Connector.WaitForSentAsync(1);
        await Task.Delay(300);
        Assert.Single(Connector.Sent);
    }

    [Fact]
    public async Task A_request_carrying_a_token_is_refused_in_local_mode()
    {
        var response = await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "help"), bearer: "abc.def.ghi");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(Connector.Calls);
    }
}
