using System.Text.Json;

namespace GiBot.Tests.EndToEnd;

/// <summary>
/// One entry of the playground's log stream: an HTTP exchange between the playground and the bot
/// (either direction, with request body and response) or a warning. Messages the bot sends to chats
/// the current user is not in (e.g. a 1:1 chat with another user) appear only here.
/// </summary>
public sealed class PlaygroundLogEntry
{
    public const string PlaygroundParty = "Microsoft 365 Agents Playground";
    public const string BotParty = "User Application";

    private PlaygroundLogEntry(long position, JsonElement log)
    {
        Position = position;
        Log = log;
    }

    public long Position { get; }

    /// <summary>The whole <c>log</c> object.</summary>
    public JsonElement Log { get; }

    public string? ConversationId => String(Log, "conversationId");

    /// <summary>The activity type or connector call, e.g. <c>message</c>, <c>installationUpdate</c>.</summary>
    public string? ActivityName => String(Log, "activityName");

    /// <summary><see cref="PlaygroundParty"/> or <see cref="BotParty"/>.</summary>
    public string? From => String(Log, "from");

    public string? To => String(Log, "to");

    public string? DisplayText => String(Log, "displayText");

    public JsonElement? RequestBody => Nested("request", "body");

    public JsonElement? ResponseBody => Nested("response", "body");

    public int? StatusCode => Log.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.Object
        && r.TryGetProperty("statusCode", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;

    public bool IsFromBot => From == BotParty;

    public override string ToString() => $"#{Position} {From} → {To}: {ActivityName} in {ConversationId} ({StatusCode}) {DisplayText?.ReplaceLineEndings(" ")}";

    internal static PlaygroundLogEntry? Parse(JsonElement frame, long position) =>
        frame.ValueKind == JsonValueKind.Object && frame.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.Object
            ? new PlaygroundLogEntry(position, log.Clone())
            : null;

    internal long? Timestamp => Log.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null;

    private JsonElement? Nested(string outer, string inner) =>
        Log.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty(inner, out var i) ? i : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
