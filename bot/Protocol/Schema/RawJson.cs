using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GiBot.Protocol.Schema;

/// <summary>
/// One JSON value kept as its UTF-8 text and written as it is. An attachment's content (an Adaptive Card)
/// is serialized once, when it is built, instead of being turned into a <see cref="JsonElement"/> that the
/// connector then writes token by token. Only the factories create one, so the text is always valid JSON.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson
{
    private RawJson(byte[] utf8) => Utf8 = utf8;

    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>Written as bodies GiBot sends are (<see cref="ProtocolJson.Wire"/>: Chinese as UTF-8, not escapes).</summary>
    public static RawJson From(JsonNode node) => new(JsonSerializer.SerializeToUtf8Bytes(node, ProtocolJson.Wire.JsonNode));

    public static RawJson From(JsonElement element) => new(JsonSerializer.SerializeToUtf8Bytes(element, ProtocolJson.Wire.JsonElement));

    /// <summary>A parsed copy, for readers (tests, logs); the hot path never needs one.</summary>
    public JsonElement ToElement()
    {
        using var document = JsonDocument.Parse(Utf8);
        return document.RootElement.Clone();
    }

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Utf8.Span);
}

/// <summary>Reads any JSON value into a <see cref="RawJson"/>; writes its bytes without re-encoding them.</summary>
public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return RawJson.From(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}
