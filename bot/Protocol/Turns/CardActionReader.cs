using System.Text.Json;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Turns;

/// <summary>
/// Reads a card button press from either transport: Action.Submit's <c>value</c> on a message, or
/// Action.Execute's <c>value.action</c> on an <c>adaptiveCard/action</c> invoke.
/// GiBot's cards always carry the verb in <c>data.verb</c> (Submit) or <c>action.verb</c> (Execute).
/// </summary>
public static class CardActionReader
{
    public const string VerbKey = "verb";

    public static CardAction? FromSubmit(Activity activity)
    {
        var value = Unwrap(activity.Value);
        if (value is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }
        var flat = Flatten(data);
        return flat.TryGetValue(VerbKey, out var verb) && !string.IsNullOrWhiteSpace(verb)
            ? new CardAction(verb!, flat, IsExecute: false)
            : null;
    }

    public static CardAction? FromExecute(Activity activity)
    {
        if (Unwrap(activity.Value) is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
            ? Flatten(d)
            : new Dictionary<string, string?>(StringComparer.Ordinal);
        var verb = action.TryGetProperty(VerbKey, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        verb ??= data.GetValueOrDefault(VerbKey);
        return string.IsNullOrWhiteSpace(verb) ? null : new CardAction(verb!, data, IsExecute: true);
    }

    // messageBack and some clients send value as a JSON string.
    private static JsonElement? Unwrap(JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.String } s)
        {
            try
            {
                using var document = JsonDocument.Parse(s.GetString()!);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return value;
    }

    private static Dictionary<string, string?> Flatten(JsonElement data)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => property.Value.GetRawText(),
            };
        }
        return result;
    }
}
