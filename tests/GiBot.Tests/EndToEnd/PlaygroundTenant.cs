using System.Text.Json;

namespace GiBot.Tests.EndToEnd;

/// <summary>The mock tenant the running playground loaded (read from <c>/_internal/v1/testConfig</c>, so it always matches the YAML).</summary>
public sealed record PlaygroundTenant(
    string TenantId,
    PlaygroundUser Bot,
    PlaygroundUser CurrentUser,
    IReadOnlyList<PlaygroundUser> Users,
    string PersonalChatId,
    string GroupChatId,
    string GroupChatName,
    string TeamId,
    string TeamName,
    IReadOnlyList<PlaygroundChannel> Channels)
{
    /// <summary>The one channel besides General.</summary>
    public PlaygroundChannel Channel => Channels.Single(c => c.Id != TeamId);

    /// <summary>Teams' mention markup for the bot, as a user's client would put it in the message text.</summary>
    public string BotMentionText => $"<at>{Bot.Name}</at>";

    public PlaygroundMention BotMention => new(Bot.Id, BotMentionText);

    internal static PlaygroundTenant Parse(JsonElement root)
    {
        var config = root.GetProperty("config");
        var team = config.GetProperty("teams")[0];
        var group = config.GetProperty("groupChats")[0];
        return new PlaygroundTenant(
            config.GetProperty("tenantId").GetString()!,
            PlaygroundUser.Parse(config.GetProperty("bot")),
            PlaygroundUser.Parse(config.GetProperty("currentUser")),
            [.. config.GetProperty("users").EnumerateArray().Select(PlaygroundUser.Parse)],
            config.GetProperty("personalChat").GetProperty("id").GetString()!,
            group.GetProperty("id").GetString()!,
            group.GetProperty("name").GetString()!,
            team.GetProperty("id").GetString()!,
            team.GetProperty("name").GetString()!,
            [.. team.GetProperty("channels").EnumerateArray().Select(PlaygroundChannel.Parse)]);
    }
}

/// <summary>A user or the bot: its channel account id and display name.</summary>
public sealed record PlaygroundUser(string Id, string Name)
{
    internal static PlaygroundUser Parse(JsonElement element) =>
        new(element.GetProperty("id").GetString()!, element.GetProperty("name").GetString()!);
}

/// <summary>A team channel: its conversation id (General's is the team id) and name.</summary>
public sealed record PlaygroundChannel(string Id, string Name)
{
    internal static PlaygroundChannel Parse(JsonElement element) =>
        new(element.GetProperty("id").GetString()!, element.GetProperty("name").GetString()!);
}

/// <summary>An @mention in a message the test sends: the mentioned account and the exact markup in the text.</summary>
public sealed record PlaygroundMention(string Id, string Text);

/// <summary>What the playground answered to a user message: its id and, for a channel message, the new post's conversation id.</summary>
public sealed record SentMessage(string MessageId, string? PostConversationId, long StreamPosition)
{
    /// <summary>Where replies to this message appear: the post for a channel message, else the chat.</summary>
    public string ReplyConversationId(string conversationId) => PostConversationId ?? conversationId;
}

/// <summary>The playground's answer to an invoke: the bot's invoke response <c>{type, value}</c> (its status code is not passed on).</summary>
public sealed record PlaygroundInvokeResult(System.Net.HttpStatusCode HttpStatus, JsonElement Body)
{
    public string? Type => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    public JsonElement? Value => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("value", out var v) ? v : null;
}
