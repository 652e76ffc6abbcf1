using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace GiBot.Measures.Cards;

/// <summary>
/// A JSON template embedded as <c>cards/&lt;name&gt;.json</c>. Filling it builds a new tree:
/// a string that is exactly <c>${key}</c> becomes the value (any JSON); inside an array, an array
/// value is spliced in and a null value removes the entry; <c>${key}</c> within a longer string is
/// replaced by the value's text.
/// </summary>
public sealed class CardTemplate
{
    private static readonly ConcurrentDictionary<string, CardTemplate> Cache = new(StringComparer.Ordinal);

    private readonly JsonNode _root;

    private CardTemplate(string name, JsonNode root)
    {
        Name = name;
        _root = root;
    }

    public string Name { get; }

    public static CardTemplate Get(string name) => Cache.GetOrAdd(name, Load);

    public JsonObject FillObject(CardValues values) =>
        Fill(_root, values) as JsonObject ?? throw new InvalidOperationException($"Card template {Name} is not an object.");

    private static CardTemplate Load(string name)
    {
        var resource = $"cards/{name}.json";
        using var stream = typeof(CardTemplate).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Card template {resource} is not embedded.");
        return new CardTemplate(name, JsonNode.Parse(stream) ?? throw new InvalidOperationException($"Card template {resource} is empty."));
    }

    private static JsonNode? Fill(JsonNode? node, CardValues values)
    {
        switch (node)
        {
            case JsonObject obj:
                var filledObject = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    filledObject[key] = Fill(child, values);
                }
                return filledObject;
            case JsonArray array:
                var filledArray = new JsonArray();
                foreach (var child in array)
                {
                    if (Placeholder(child) is { } key)
                    {
                        switch (values.Get(key))
                        {
                            case null:
                                break;
                            case JsonArray spliced:
                                foreach (var item in spliced)
                                {
                                    filledArray.Add(item?.DeepClone());
                                }
                                break;
                            case var single:
                                filledArray.Add(Adopt(single));
                                break;
                        }
                        continue;
                    }
                    filledArray.Add(Fill(child, values));
                }
                return filledArray;
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (Placeholder(node) is { } whole)
                {
                    return Adopt(values.Get(whole));
                }
                return text.Contains("${", StringComparison.Ordinal) ? JsonValue.Create(values.Substitute(text)) : JsonValue.Create(text);
            default:
                return node?.DeepClone();
        }
    }

    // A value node built for this fill is moved into the card; one already placed is copied.
    private static JsonNode? Adopt(JsonNode? value) => value?.Parent is null ? value : value.DeepClone();

    private static string? Placeholder(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            && text.Length > 3 && text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') && text.IndexOf('}') == text.Length - 1
            ? text[2..^1]
            : null;
}
