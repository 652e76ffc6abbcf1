using System.Text.Json;
using System.Text.Json.Nodes;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Connector;

/// <summary>The two <c>POST v3/conversations</c> bodies Teams accepts (protocol.md 3.3).</summary>
public static class ConversationParametersFactory
{
    /// <summary>
    /// A 1:1 chat with a user. <paramref name="bot"/> is the bot account as Teams names it (<c>28:&lt;appId&gt;</c>,
    /// the recipient of an inbound activity); <paramref name="userId"/> is the user's <c>29:</c> id for this bot.
    /// The tenant goes both in <c>tenantId</c> and in <c>channelData.tenant.id</c>, the safest combination.
    /// </summary>
    public static ConversationParameters OneOnOne(ChannelAccount bot, string userId, string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new ConversationParameters
        {
            IsGroup = false,
            Bot = BotAccount(bot),
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = ChannelData(tenantId, channelId: null),
        };
    }

    /// <summary>
    /// A new thread in a channel (<c>19:...@thread.tacv2</c>) whose first message is <paramref name="activity"/>.
    /// The answer's id is the thread's conversation id for follow-ups.
    /// </summary>
    public static ConversationParameters ChannelThread(ChannelAccount bot, string channelId, string tenantId, Activity activity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationParameters
        {
            IsGroup = true,
            Bot = BotAccount(bot),
            TenantId = tenantId,
            Activity = activity,
            ChannelData = ChannelData(tenantId, channelId),
        };
    }

    private static ChannelAccount BotAccount(ChannelAccount bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentException.ThrowIfNullOrWhiteSpace(bot.Id);
        return new ChannelAccount { Id = bot.Id, Name = bot.Name };
    }

    private static JsonElement ChannelData(string tenantId, string? channelId)
    {
        var data = new JsonObject();
        if (channelId is not null)
        {
            data["channel"] = new JsonObject { ["id"] = channelId };
        }
        data["tenant"] = new JsonObject { ["id"] = tenantId };
        return JsonSerializer.SerializeToElement(data, ProtocolJson.Default.JsonObject);
    }
}
