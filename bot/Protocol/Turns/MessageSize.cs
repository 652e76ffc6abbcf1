using System.Text;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Turns;

/// <summary>
/// A message's size as Teams counts it against its limit: the text and the card JSON encoded as UTF-16,
/// two bytes per UTF-16 code unit, Chinese included.
/// </summary>
internal static class MessageSize
{
    public static long Of(string? text) => 2L * (text?.Length ?? 0);

    /// <summary>
    /// At least the cards' UTF-16 size, for the price of adding up lengths: UTF-8 spends one byte where UTF-16 spends
    /// two only on ASCII, and at least as many bytes as UTF-16 on everything else (3 against 2 for Chinese).
    /// </summary>
    public static long UpperBoundOf(List<Attachment>? attachments)
    {
        if (attachments is null)
        {
            return 0;
        }
        var utf8 = 0L;
        foreach (var attachment in attachments)
        {
            utf8 += attachment?.Content?.Utf8.Length ?? 0;
        }
        return 2 * utf8;
    }

    public static long Of(List<Attachment>? attachments)
    {
        if (attachments is null)
        {
            return 0;
        }
        var units = 0L;
        foreach (var attachment in attachments)
        {
            if (attachment?.Content is { } content)
            {
                units += Encoding.UTF8.GetCharCount(content.Utf8.Span);
            }
        }
        return 2 * units;
    }
}
