using System.Text;
using System.Text.Json.Nodes;

namespace GiBot.Measures.Cards;

/// <summary>The values for one <see cref="CardTemplate"/> fill: text, JSON, or lists of JSON to splice into arrays.</summary>
public sealed class CardValues
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    public CardValues Set(string key, string text)
    {
        _values[key] = JsonValue.Create(text);
        return this;
    }

    public CardValues Set(string key, JsonNode? node)
    {
        _values[key] = node;
        return this;
    }

    public CardValues Set(string key, IEnumerable<JsonNode> nodes)
    {
        _values[key] = new JsonArray([.. nodes]);
        return this;
    }

    public JsonNode? Get(string key) =>
        _values.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"Card template value ${{{key}}} was not given.");

    public string Substitute(string text)
    {
        var result = new StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            var start = text.IndexOf("${", at, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf('}', start);
            if (end < 0)
            {
                result.Append(text, at, text.Length - at);
                break;
            }
            result.Append(text, at, start - at);
            var value = Get(text[(start + 2)..end]);
            result.Append(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString());
            at = end + 1;
        }
        return result.ToString();
    }
}
