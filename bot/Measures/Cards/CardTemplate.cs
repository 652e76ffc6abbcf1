using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GiBot.Measures.Cards;

/// <summary>
/// A JSON template embedded as <c>cards/&lt;name&gt;.json</c>. Filling it builds a new tree:
/// a string that is exactly <c>${key}</c> becomes the value (text, JSON, or a list); inside an array
/// a list value is spliced in and a null value removes the entry; <c>${key}</c> within a longer
/// string is replaced by the value's text. Templates are compiled once, so a fill only allocates the
/// card it returns.
/// </summary>
public sealed class CardTemplate
{
    private static readonly ConcurrentDictionary<string, CardTemplate> Cache = new(StringComparer.Ordinal);

    private readonly Part _root;

    private CardTemplate(string name, Part root)
    {
        Name = name;
        _root = root;
    }

    public string Name { get; }

    public static CardTemplate Get(string name) => Cache.GetOrAdd(name, Load);

    public JsonObject FillObject(CardValues values) =>
        _root.Build(values) as JsonObject ?? throw new InvalidOperationException($"Card template {Name} is not an object.");

    private static CardTemplate Load(string name)
    {
        var resource = $"cards/{name}.json";
        using var stream = typeof(CardTemplate).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Card template {resource} is not embedded.");
        using var document = JsonDocument.Parse(stream);
        return new CardTemplate(name, Compile(document.RootElement));
    }

    private static Part Compile(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new ObjectPart(element.EnumerateObject().Select(p => (p.Name, Compile(p.Value))).ToArray()),
        JsonValueKind.Array => new ArrayPart(element.EnumerateArray().Select(Compile).ToArray()),
        JsonValueKind.String => element.GetString()! switch
        {
            var s when SlotKey(s) is { } key => new SlotPart(key),
            var s when s.Contains("${", StringComparison.Ordinal) => new InterpolatedPart(s),
            var s => new TextPart(s),
        },
        JsonValueKind.True => new LiteralPart(() => JsonValue.Create(true)),
        JsonValueKind.False => new LiteralPart(() => JsonValue.Create(false)),
        JsonValueKind.Number when element.TryGetInt64(out var integer) => new LiteralPart(() => JsonValue.Create(integer)),
        JsonValueKind.Number => Number(element.GetDouble()),
        _ => new LiteralPart(() => null),
    };

    // The document is disposed after compiling: capture the value, not the element.
    private static LiteralPart Number(double value) => new(() => JsonValue.Create(value));

    private static string? SlotKey(string text) =>
        text.Length > 3 && text.StartsWith("${", StringComparison.Ordinal) && text.IndexOf('}') == text.Length - 1 ? text[2..^1] : null;

    private abstract class Part
    {
        public abstract JsonNode? Build(CardValues values);
    }

    private sealed class ObjectPart((string Key, Part Value)[] properties) : Part
    {
        public override JsonNode Build(CardValues values)
        {
            var result = new JsonObject();
            foreach (var (key, value) in properties)
            {
                result[key] = value.Build(values);
            }
            return result;
        }
    }

    private sealed class ArrayPart(Part[] items) : Part
    {
        public override JsonNode Build(CardValues values)
        {
            var result = new JsonArray();
            foreach (var item in items)
            {
                if (item is SlotPart slot)
                {
                    slot.SpliceInto(result, values);
                }
                else
                {
                    result.Add(item.Build(values));
                }
            }
            return result;
        }
    }

    private sealed class SlotPart(string key) : Part
    {
        public override JsonNode? Build(CardValues values) => values.Get(key) switch
        {
            null => null,
            string text => JsonValue.Create(text),
            JsonNode node => Adopt(node),
            IReadOnlyList<JsonNode> list => new JsonArray([.. list.Select(Adopt)]),
            var other => throw new InvalidOperationException($"Card value ${{{key}}} has unsupported type {other.GetType().Name}."),
        };

        public void SpliceInto(JsonArray array, CardValues values)
        {
            switch (values.Get(key))
            {
                case null:
                    break;
                case IReadOnlyList<JsonNode> list:
                    foreach (var node in list)
                    {
                        array.Add(Adopt(node));
                    }
                    break;
                default:
                    array.Add(Build(values));
                    break;
            }
        }

        // A value node built for this fill is moved into the card; one already placed is copied.
        private static JsonNode Adopt(JsonNode node) => node.Parent is null ? node : node.DeepClone();
    }

    private sealed class InterpolatedPart(string text) : Part
    {
        public override JsonNode Build(CardValues values) => JsonValue.Create(values.Substitute(text));
    }

    private sealed class TextPart(string text) : Part
    {
        public override JsonNode Build(CardValues values) => JsonValue.Create(text);
    }

    private sealed class LiteralPart(Func<JsonNode?> create) : Part
    {
        public override JsonNode? Build(CardValues values) => create();
    }
}
