using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Turns;

/// <summary>Removes the bot's own @mention from a channel or group-chat message, guided by the mention entities.</summary>
public static partial class MentionText
{
    public static string StripBotMention(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind != JsonValueKind.Object
                || !entity.TryGetProperty("type", out var type) || !IsMention(type)
                || !entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var mentionedId = mentioned.TryGetProperty("id", out var id) ? id.GetString() : null;
            if (botId is null || !string.Equals(mentionedId, botId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var mentionText = entity.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : mentioned.TryGetProperty("name", out var name) ? $"<at>{name.GetString()}</at>" : null;
            if (!string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
            }
        }
        // Teams may send leftover markup (e.g. a self-closing mention tag) and HTML entities.
        if (text.Contains('<'))
        {
            text = AtTag().Replace(text, " ");
        }
        text = WebUtility.HtmlDecode(text);
        return NeedsWhitespaceFolding(text) ? Whitespace().Replace(text, " ").Trim() : text.Trim();
    }

    /// <summary>
    /// The entity's type is "mention", compared in place for a string (most entities are clientInfo: no string is made
    /// for them); any other kind is read as before (null is not a mention, other kinds throw as <c>GetString</c> does).
    /// </summary>
    private static bool IsMention(JsonElement type) =>
        type.ValueKind == JsonValueKind.String ? type.ValueEquals("mention") : type.GetString() == "mention";

    /// <summary>False when the only whitespace is single plain spaces: folding would change nothing (most messages).</summary>
    private static bool NeedsWhitespaceFolding(string text)
    {
        var previousWasSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousWasSpace)
                {
                    return true;
                }
                previousWasSpace = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                return true;
            }
            else
            {
                previousWasSpace = false;
            }
        }
        return false;
    }

    [GeneratedRegex("<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"[\s\u00a0\u3000]+")]
    private static partial Regex Whitespace();
}
