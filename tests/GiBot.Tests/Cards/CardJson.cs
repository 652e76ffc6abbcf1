using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GiBot.Tests.Cards;

/// <summary>Card JSON with Chinese left readable, for assertions on content (the wire escapes it as \uXXXX).</summary>
public static class CardJson
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode card) => card.ToJsonString(Readable);
}
