using System.Net;
using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Protocol.Turns;
using GiBot.Storage;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Protocol;

public sealed class TurnRoutingTests : LocalBotTest
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IMessageFeature, ThrowingFeature>();
        services.AddSingleton<ICardActionFeature, EchoCardFeature>();
    }

    [Fact]
    public async Task A_failing_handler_gives_an_apology_with_a_reference_and_theBot_keeps_serving()
    {
        var response = await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "boom please"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(await Connector.WaitForSentAsync(1)).Json!["text"]!.GetValue<string>();
        Assert.Contains("Sorry", apology);
        Assert.Matches(@"reference: \S+", apology);
        Assert.DoesNotContain("InvalidOperationException", apology);
        Assert.DoesNotContain(" at ", apology);

        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "help"));
        var sent = await Connector.WaitForSentAsync(2);
        Assert.Contains("list all measures", sent[1].Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_storage_outage_is_explained_and_never_reported_as_saved()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "save this"));
        var text = Assert.Single(await Connector.WaitForSentAsync(1)).Json!["text"]!.GetValue<string>();
        Assert.Equal(StorageUnavailableException.Text(GiBot.Localization.Language.English), text);
    }

    [Fact]
    public async Task A_channel_message_is_read_without_theBot_mention_and_answered_in_the_thread()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "<at>GiBot</at> help", id: "c-1",
            conversationId: "19:abc@thread.tacv2;messageid=111", conversationType: "channel");
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>GiBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "GiBot" },
        });
        await Bot.PostActivityAsync(activity);
        var call = Assert.Single(await Connector.WaitForSentAsync(1));
        Assert.Equal("/v3/conversations/19:abc@thread.tacv2;messageid=111/activities/c-1", call.Path);
        Assert.Contains("list all measures", call.Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bot_added_to_a_personal_chat_sends_a_welcome()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "");
        activity["type"] = "conversationUpdate";
        activity.Remove("text");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId }, new JsonObject { ["id"] = Activities.UserId });
        await Bot.PostActivityAsync(activity);
        var call = Assert.Single(await Connector.WaitForSentAsync(1));
        Assert.Contains("GiBot", call.Json!["text"]!.GetValue<string>());
        Assert.Contains("您好", call.Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Installation_and_membership_events_for_one_install_greet_once_in_chinese()
    {
        var install = Activities.Message(Connector.ServiceUrl, "");
        install.Remove("text");
        install["type"] = "installationUpdate";
        install["action"] = "add";
        install["locale"] = "en-US";
        var joined = Activities.Message(Connector.ServiceUrl, "");
        joined.Remove("text");
        joined["type"] = "conversationUpdate";
        joined.Remove("locale");
        joined["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId });

        await Task.WhenAll(Bot.PostActivityAsync(install), Bot.PostActivityAsync(joined));
        var welcome = Assert.Single(await Connector.WaitForSentAsync(1));
        await Task.Delay(300);
        Assert.Single(Connector.Sent);
        Assert.Contains("您好", welcome.Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_app_upgrade_sends_no_welcome()
    {
        var upgrade = Activities.Message(Connector.ServiceUrl, "");
        upgrade.Remove("text");
        upgrade["type"] = "installationUpdate";
        upgrade["action"] = "add-upgrade";
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(upgrade)).StatusCode);
        await Task.Delay(300);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task Someone_else_joining_sends_nothing()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "");
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:someone-else" });
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(activity)).StatusCode);
        await Task.Delay(300);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task Action_execute_invoke_returns_the_replacement_card()
    {
        var activity = Invoke("echo", new JsonObject { ["word"] = "你好" });
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("你好", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Action_submit_replaces_the_card_in_place()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "", id: "s-1");
        activity.Remove("text");
        activity["replyToId"] = "card-7";
        activity["value"] = new JsonObject { ["verb"] = "echo", ["word"] = "ok" };
        await Bot.PostActivityAsync(activity);
        var call = Assert.Single(await Connector.WaitForSentAsync(1));
        Assert.Equal("PUT", call.Method);
        Assert.Equal("/v3/conversations/a:personal-1/activities/card-7", call.Path);
        Assert.Null(call.Json!["text"]);
        Assert.Equal("ok", call.Json!["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_card_verb_gets_a_polite_message_not_an_error()
    {
        var response = await Bot.PostActivityAsync(Invoke("no.such.verb", new JsonObject()));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Contains("按钮", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unhandled_invoke_name_gets_501()
    {
        var activity = Invoke("echo", new JsonObject());
        activity["name"] = "composeExtension/query";
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task An_invoke_whose_handler_fails_gets_an_error_body_with_a_reference()
    {
        var response = await Bot.PostActivityAsync(Invoke("echo", new JsonObject { ["word"] = "boom" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(500, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Contains("参考编号", body["value"]!["message"]!.GetValue<string>());
    }

    private JsonObject Invoke(string verb, JsonObject data)
    {
        var activity = Activities.Message(Connector.ServiceUrl, "");
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    private sealed class ThrowingFeature : IMessageFeature
    {
        public int Order => -1;

        public ValueTask<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken) => turn.Text switch
        {
            var t when t.StartsWith("boom", StringComparison.Ordinal) => throw new InvalidOperationException("feature exploded"),
            "save this" => throw new StorageUnavailableException("database down"),
            _ => ValueTask.FromResult(false),
        };
    }

    private sealed class EchoCardFeature : ICardActionFeature
    {
        public bool Handles(string verb) => verb == "echo";

        public ValueTask<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
        {
            var word = action.Get("word") ?? "";
            if (word == "boom")
            {
                throw new InvalidOperationException("card handler exploded");
            }
            var card = new AdaptiveCard(new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = word }),
            });
            return ValueTask.FromResult(CardActionResult.Replace(card));
        }
    }
}
