using System.Text.Json;
using System.Text.Json.Serialization;

namespace GiBot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity. Fields GiBot does not model are kept in <see cref="Extra"/>
/// so that nothing a channel sends is lost when an activity is stored or echoed.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public string? Locale { get; set; }
    public string? ReplyToId { get; set; }
    public string? Action { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public JsonElement? Value { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary><see cref="Text"/> already encoded for the wire, used by <see cref="ActivityWriter"/> while Text is that same string.</summary>
    internal EncodedText? EncodedText { get; set; }

    /// <summary><see cref="Summary"/> already encoded for the wire, like <see cref="EncodedText"/>.</summary>
    internal EncodedText? EncodedSummary { get; set; }

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);
}
