using GiBot.Localization;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Turns;

/// <summary>What of a message goes into its activity.</summary>
internal readonly record struct MessageParts(string? Text, string? Summary, List<Attachment>? Attachments);

/// <summary>
/// The net under every message GiBot sends: Teams refuses one over 100 KB (UTF-16) with 413 MessageSizeTooBig and
/// recommends staying within 80 KB, the budget here. A message over it gives up, in this order, what costs the reader
/// least: the text twin (the card repeats it; the notification summary stays), then the card (its text is sent
/// instead), then the end of the text (cut at a line), and says so. Features whose answers can grow keep them
/// within the budget themselves; this only stops what they did not foresee from being refused.
/// </summary>
internal static class MessageBudget
{
    public const int Bytes = 80 * 1024;

    private const int MaxTextLength = Bytes / 2;

    private const string Separator = "\n\n";

    /// <summary>The parts to send instead, or null when <paramref name="parts"/> fits (decided by adding up lengths).</summary>
    /// <param name="fullText">The message's text, sent in place of a card too large to send.</param>
    public static MessageParts? Shrink(string fullText, MessageParts parts)
    {
        var textBytes = MessageSize.Of(parts.Text) + MessageSize.Of(parts.Summary);
        if (textBytes + MessageSize.UpperBoundOf(parts.Attachments) <= Bytes)
        {
            return null;
        }
        var cardBytes = MessageSize.Of(parts.Attachments);
        if (textBytes + cardBytes <= Bytes)
        {
            return null;
        }
        if (parts.Attachments is not null && MessageSize.Of(parts.Summary) + cardBytes <= Bytes)
        {
            return parts with { Text = null };
        }
        return new MessageParts(AsText(fullText, cardDropped: parts.Attachments is not null), null, null);
    }

    /// <summary>The text within the budget with a note on what was left out, in the text's language (Chinese unless it is English).</summary>
    private static string AsText(string text, bool cardDropped)
    {
        var language = LanguageDetector.FromText(text) == Language.English ? Language.English : Language.Chinese;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Note(language, cardDropped, cut: false, empty: true);
        }
        var whole = Note(language, cardDropped, cut: false, empty: false);
        if (text.Length + Separator.Length + whole.Length <= MaxTextLength)
        {
            return text + Separator + whole;
        }
        var note = Note(language, cardDropped, cut: true, empty: false);
        var room = MaxTextLength - Separator.Length - note.Length;
        var end = text.LastIndexOf('\n', room);
        if (end < room / 2)
        {
            // No line break in the second half of what fits: a line that long is cut where the budget ends.
            end = TextCut.PrefixLength(text, room);
        }
        return text[..end].TrimEnd() + Separator + note;
    }

    private static string Note(Language language, bool cardDropped, bool cut, bool empty)
    {
        var (zh, en) = (cardDropped, cut, empty) switch
        {
            (_, _, true) => ("卡片无法显示", "the card cannot be shown"),
            (true, true, _) => ("卡片改为文字显示，其余内容未显示", "the card is shown as text, and the rest is not shown"),
            (true, false, _) => ("卡片改为文字显示", "the card is shown as text"),
            _ => ("其余内容未显示", "the rest is not shown"),
        };
        return language.Pick($"（内容超出 Teams 单条消息的大小上限，{zh}。）", $"(Too large for one Teams message: {en}.)");
    }
}
