using System.Text.Json.Nodes;

namespace GiBot.Tests.Infrastructure;

/// <summary>Builders for Teams-shaped inbound activities.</summary>
public static class Activities
{
    public const string BotId = "28:gibot-test";
    public const string UserId = "29:user-1";
    public const string UserAad = "00000000-0000-0000-0000-0000000000a1";

    public static JsonObject Message(string serviceUrl, string text, string? id = null, string conversationId = "a:personal-1", string conversationType = "personal")
    {
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "测试用户", ["aadObjectId"] = UserAad },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "GiBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
            ["locale"] = "zh-CN",
            ["text"] = text,
        };
    }

    /// <summary>A message from a person (Teams user id <c>29:</c> + their AAD object id) in a personal chat.</summary>
    public static JsonObject PersonalMessage(string serviceUrl, string conversationId, string aad, string name, string text, string? id = null)
    {
        var activity = Message(serviceUrl, text, id: id, conversationId: conversationId);
        activity["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = name, ["aadObjectId"] = aad };
        return activity;
    }

    /// <summary>An Action.Submit press: <paramref name="message"/> (a message from the presser) turned into one carrying the button's data.</summary>
    public static JsonObject Press(JsonObject message, JsonObject data, string cardActivityId)
    {
        message.Remove("text");
        message["value"] = data.DeepClone();
        message["replyToId"] = cardActivityId;
        return message;
    }
}

