namespace GiBot.Localization;

/// <summary>
/// Cutting text to a length in UTF-16 code units (as .NET strings and Teams count it) without splitting a surrogate
/// pair: an emoji or a rare CJK character (outside the Basic Multilingual Plane) cut in half would reach Teams as U+FFFD.
/// Such a character at the limit is left out whole, so the result may be one unit shorter than the limit.
/// </summary>
public static class TextCut
{
    /// <summary>How many leading code units of <paramref name="text"/> fit in <paramref name="max"/> without ending between a surrogate pair's halves.</summary>
    public static int PrefixLength(string text, int max)
    {
        if (max >= text.Length)
        {
            return text.Length;
        }
        if (max <= 0)
        {
            return 0;
        }
        return char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
    }

    /// <summary>The text, or its start of at most <paramref name="max"/> code units (a surrogate pair kept whole).</summary>
    public static string Prefix(string text, int max) => text.Length <= max ? text : text[..PrefixLength(text, max)];

    /// <summary>The text when it fits in <paramref name="max"/>, else its start of at most <paramref name="max"/> code units followed by <paramref name="marker"/> (e.g. "…").</summary>
    public static string Cut(string text, int max, string marker) => text.Length <= max ? text : Prefix(text, max) + marker;
}
