using System.Text.Json.Nodes;

namespace GiBot.Tests.Cards;

/// <summary>What a card's TextBlocks and facts say (their text, title and value), as Teams reads them before rendering Markdown.</summary>
public static class CardTexts
{
    public static IReadOnlyList<string> Of(JsonNode card)
    {
        var found = new List<string>();
        Collect(card, found);
        return found;
    }

    private static void Collect(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key is "text" or "title" or "value" && value is JsonValue text && text.TryGetValue<string>(out var s))
                    {
                        found.Add(s);
                    }
                    else
                    {
                        Collect(value, found);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, found);
                }
                break;
        }
    }
}
