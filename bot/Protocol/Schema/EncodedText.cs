using System.Text.Json;

namespace GiBot.Protocol.Schema;

/// <summary>
/// A string together with its JSON-encoded form (as <see cref="ProtocolJson.Wire"/> writes it), for text sent
/// many times: it is escaped and turned into UTF-8 once instead of on every send.
/// </summary>
public sealed class EncodedText
{
    private EncodedText(string value)
    {
        Value = value;
        Json = JsonEncodedText.Encode(value, ProtocolJson.Wire.Options.Encoder);
    }

    public string Value { get; }

    public JsonEncodedText Json { get; }

    public static EncodedText Of(string value) => new(value);

    /// <summary>The encoded form when it was made from this very string (the activity's field may have been replaced since).</summary>
    internal static bool Matches(EncodedText? encoded, string? value) => encoded is not null && ReferenceEquals(encoded.Value, value);
}
