using System.Text.Json;
using System.Text.Json.Serialization;

namespace GiBot.Protocol.Schema;

public sealed class Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    /// <summary>The card or other content, as JSON text written once (see <see cref="RawJson"/>).</summary>
    public RawJson? Content { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
