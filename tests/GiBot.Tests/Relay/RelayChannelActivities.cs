using System.Text.Json.Nodes;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Relay;

/// <summary>Inbound activities from the relay channel, as Teams sends them.</summary>
public static class RelayChannelActivities
{
    public static JsonObject Message(string serviceUrl, string text, string fromAad, string fromName, string channelId = RelayHarness.ChannelId, string conversationId = RelayHarness.ChannelId)
    {
        var activity = Activities.Message(serviceUrl, text, conversationId: conversationId, conversationType: "channel");
        activity["from"] = new JsonObject { ["id"] = "29:" + fromAad, ["name"] = fromName, ["aadObjectId"] = fromAad };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = "tenant-1" },
            ["team"] = new JsonObject { ["id"] = RelayHarness.TeamId, ["name"] = "市场监管局" },
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "知识产权保护科" },
        };
        return activity;
    }

    /// <summary>An Action.Execute press on a card in the thread whose root is <paramref name="rootId"/>.</summary>
    public static JsonObject Press(string serviceUrl, string rootId, string verb, JsonObject data, string fromAad = "aad-reviewer", string fromName = "赵审阅")
    {
        var activity = Message(serviceUrl, "", fromAad, fromName, conversationId: $"{RelayHarness.ChannelId};messageid={rootId}");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        return activity;
    }

    /// <summary>A message in a channel that @mentions GiBot, as a command there must (e.g. "在此频道接收进展").</summary>
    public static JsonObject MentioningBot(string serviceUrl, string text, string fromAad, string fromName, string channelId)
    {
        var message = Message(serviceUrl, $"<at>GiBot</at> {text}", fromAad, fromName, channelId, channelId);
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>GiBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "GiBot" },
        });
        return message;
    }
}

