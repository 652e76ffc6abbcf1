namespace GiBot.Protocol.Turns;

/// <summary>
/// A cheap, safe pre-check for command parsers whose patterns are all anchored at the start of the trimmed text:
/// the first character after leading whitespace must be one a pattern can begin with. It only ever says "no" for
/// characters whose matching cannot depend on case rules (ASCII, compared case-insensitively, and CJK ideographs and
/// symbols, which have no case); for any other character it says "maybe" and the parser decides.
/// </summary>
public static class CommandStart
{
    /// <summary>
    /// False when <paramref name="text"/> cannot start with any of <paramref name="firstChars"/> (ASCII letters given
    /// in lower case), or is only whitespace; true when it may.
    /// </summary>
    public static bool MayStartWith(string text, string firstChars)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            if (char.IsAscii(c))
            {
                return firstChars.Contains(char.ToLowerInvariant(c));
            }
            return !IsCaseless(c) || firstChars.Contains(c);
        }
        return false;
    }

    /// <summary>CJK symbols (U+3000–303F, e.g. 〇), Extension A and the unified ideographs: no case, no decimal digits.</summary>
    private static bool IsCaseless(char c) => c is (>= '\u3000' and <= '\u303F') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF');
}
