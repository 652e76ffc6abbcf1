using System.Text;
using System.Text.Json.Nodes;

namespace GiBot.Measures.Cards;

/// <summary>The values for one <see cref="CardTemplate"/> fill: text, JSON, or lists of JSON to splice into arrays.</summary>
public sealed class CardValues
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public CardValues Set(string key, string text)
    {
        _values[key] = text;
        return this;
    }

    public CardValues Set(string key, JsonNode? node)
    {
        _values[key] = node;
        return this;
    }

    public CardValues Set(string key, IEnumerable<JsonNode> nodes)
    {
        _values[key] = nodes.ToList();
        return this;
    }

    /// <summary>A string, a <see cref="JsonNode"/>, a list of nodes, or null.</summary>
    public object? Get(string key) =>
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
            result.Append(Get(text[(start + 2)..end]) switch
            {
                string s => s,
                JsonNode node => node.ToJsonString(),
                null => "",
                var other => other.ToString(),
            });
            at = end + 1;
        }
        return result.ToString();
    }
}
