using System.Text.Json;

namespace GiBot.Tests.EndToEnd;

/// <summary>
/// One frame of the playground's conversation stream: a message the bot (or the UI user) created or
/// updated, or a typing indicator. <see cref="ConversationId"/> is the chat, the channel (for a new
/// post) or the post (<c>channelId;messageid=…</c>) the message went to.
/// </summary>
public sealed class PlaygroundFrame
{
    public const string CreateMessage = "createMessage";
    public const string UpdateMessage = "updateMessage";
    public const string Typing = "typing";
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private PlaygroundFrame(long position, string action, string conversationId, JsonElement message)
    {
        Position = position;
        Action = action;
        ConversationId = conversationId;
        Message = message;
    }

    /// <summary>Index of this frame in the stream since the driver connected.</summary>
    public long Position { get; }

    public string Action { get; }

    public string ConversationId { get; }

    /// <summary>The whole <c>message</c> object, for anything the properties below do not cover.</summary>
    public JsonElement Message { get; }

    public string? MessageId => String("messageId");

    public string? FromId => Message.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object ? StringOf(from, "id") : null;

    public string? Text => String("text");

    public string? TextFormat => String("textFormat");

    /// <summary>Set on the first message of a new channel post: the post's conversation id.</summary>
    public string? PostConversationId => String("postConversationId");

    /// <summary>Milliseconds since the Unix epoch, as the playground stamped the message.</summary>
    public long? Timestamp => Message.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null;

    public IReadOnlyList<JsonElement> Attachments =>
        Message.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    /// <summary>The <c>content</c> of every Adaptive Card attachment.</summary>
    public IReadOnlyList<JsonElement> AdaptiveCards =>
        [.. Attachments.Where(a => StringOf(a, "contentType") == AdaptiveCardContentType && a.TryGetProperty("content", out _)).Select(a => a.GetProperty("content"))];

    public bool IsFrom(string id) => string.Equals(FromId, id, StringComparison.OrdinalIgnoreCase);

    public override string ToString()
    {
        var text = Text is { Length: > 80 } t ? t[..80] + "…" : Text;
        return $"#{Position} {Action} in {ConversationId} from {FromId}: {text?.ReplaceLineEndings(" ")} [{Attachments.Count} attachment(s)]";
    }

    internal static PlaygroundFrame? Parse(JsonElement frame, long position)
    {
        if (frame.ValueKind != JsonValueKind.Object
            || StringOf(frame, "action") is not { } action
            || StringOf(frame, "actionConversationId") is not { } conversationId)
        {
            return null;
        }
        var message = frame.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m.Clone() : default;
        return new PlaygroundFrame(position, action, conversationId, message);
    }

    private string? String(string name) => Message.ValueKind == JsonValueKind.Object ? StringOf(Message, name) : null;

    private static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
