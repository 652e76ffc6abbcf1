using System.Text;

namespace GiBot.Localization;

/// <summary>
/// Text someone typed (an update, a comment, a name, a question), made safe to put into Markdown: Teams messages
/// (textFormat markdown) and Adaptive Card TextBlocks and facts then show it as typed, with no bold, italics, lists,
/// headings, quotes, code, links, HTML or @mentions of its own.
/// </summary>
/// <remarks>
/// Only what would start markup gets a backslash (CommonMark's escape, honoured by Teams on desktop and the web), so
/// ordinary text, Chinese and its full-width punctuation (＊【】（）) stay untouched: Teams' mobile card renderers
/// have shown some backslashes as typed. Always escaped: * ` and _ (unless inside a word, as in zhang_san); a backslash
/// before punctuation or a line end; ~ next to another ~. Escaped where it would act: [ at a line start (a link
/// definition, "[a]: url"), ( right after ] (an inline link), &lt; before a tag or mention, &amp; starting an entity,
/// and at a line's start # heading, &gt; quote, - + list or rule, = underline, and the dot of "1. ". Escape a text
/// once, where it is put into Markdown: at most it doubles in length, so cut it first (<see cref="TextCut"/>); only
/// ASCII characters get a backslash, so a surrogate pair is never split.
/// </remarks>
public static class MarkdownText
{
    public static string Literal(string text)
    {
        if (!NeedsEscaping(text))
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                lineStart = true;
                result.Append(c);
                continue;
            }
            if (lineStart && c is not (' ' or '\t'))
            {
                lineStart = false;
                if (StartsBlock(text, i) is { } at)
                {
                    result.Append(text, i, at - i).Append('\\').Append(text[at]);
                    i = at;
                    continue;
                }
            }
            if (EscapedInline(text, i))
            {
                result.Append('\\');
            }
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>
    /// Markdown text as a plain-text reader sees it, at most <paramref name="max"/> code units (a surrogate pair kept
    /// whole): backslash escapes undone, as for a notification's preview, which Teams does not render as Markdown.
    /// </summary>
    public static string Plain(string text, int max)
    {
        // At most 2 * max characters make the first max, each escape being two.
        if (!text.AsSpan(0, Math.Min(text.Length, 2 * max)).Contains('\\'))
        {
            return TextCut.Prefix(text, max);
        }
        var result = new StringBuilder(Math.Min(text.Length, max));
        for (var i = 0; i < text.Length && result.Length < max; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && IsAsciiPunctuation(text[i + 1]))
            {
                i++;
            }
            result.Append(text[i]);
        }
        if (result.Length > 0 && char.IsHighSurrogate(result[^1]))
        {
            result.Length--;
        }
        return result.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c is '*' or '_' or '`' or '\\' or '~' or '[' or '(' or '<' or '&' or '#' or '>' or '-' or '+' or '=' or '.' or ')')
            {
                return true;
            }
        }
        return false;
    }

    private static bool EscapedInline(string text, int i) => text[i] switch
    {
        '*' or '`' => true,
        '_' => !(IsWordChar(text, i - 1) && IsWordChar(text, i + 1)),
        '\\' => i + 1 == text.Length || IsAsciiPunctuation(text[i + 1]) || text[i + 1] is '\n' or '\r',
        '~' => At(text, i - 1) == '~' || At(text, i + 1) == '~',
        '(' => At(text, i - 1) == ']',
        '<' => At(text, i + 1) is var next && (char.IsAsciiLetter(next) || next is '/' or '!' or '?'),
        '&' => IsEntity(text, i),
        _ => false,
    };

    /// <summary>Where the character to escape is when the line starting at <paramref name="i"/> would begin a block (a heading, quote, list, rule or link definition), else null.</summary>
    private static int? StartsBlock(string text, int i)
    {
        switch (text[i])
        {
            case '>':
                return i;
            case '[':
                return LineContains(text, i, "]:") ? i : null;
            case '#':
                var end = i;
                while (At(text, end) == '#')
                {
                    end++;
                }
                return end - i <= 6 && EndsMarker(text, end) ? i : null;
            case '-' or '+':
                return EndsMarker(text, i + 1) || OnlyRepeats(text, i) ? i : null;
            case '=':
                return OnlyRepeats(text, i) ? i : null;
            case var c when char.IsAsciiDigit(c):
                var digits = i;
                while (char.IsAsciiDigit(At(text, digits)))
                {
                    digits++;
                }
                return digits - i <= 9 && At(text, digits) is '.' or ')' && EndsMarker(text, digits + 1) ? digits : null;
            default:
                return null;
        }
    }

    /// <summary>A list or heading marker ends in a space, a tab or the end of the line.</summary>
    private static bool EndsMarker(string text, int i) => At(text, i) is ' ' or '\t' or '\n' or '\r' or '\0';

    /// <summary>The rest of the line is this character repeated, maybe with spaces (a rule, or a heading's underline).</summary>
    private static bool OnlyRepeats(string text, int i)
    {
        var marker = text[i];
        for (var j = i; j < text.Length && text[j] is not ('\n' or '\r'); j++)
        {
            if (text[j] != marker && text[j] is not (' ' or '\t'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>An HTML entity such as &amp;lt; or &amp;#42; starts here (Markdown would show the character it names).</summary>
    private static bool IsEntity(string text, int i)
    {
        var j = i + 1;
        while (j < text.Length && j - i <= 32 && (char.IsAsciiLetterOrDigit(text[j]) || text[j] == '#'))
        {
            j++;
        }
        return j > i + 1 && At(text, j) == ';';
    }

    private static bool LineContains(string text, int i, string value)
    {
        var end = text.IndexOfAny(['\n', '\r'], i);
        return text.AsSpan(i, (end < 0 ? text.Length : end) - i).Contains(value, StringComparison.Ordinal);
    }

    private static bool IsWordChar(string text, int i) => i >= 0 && i < text.Length && char.IsLetterOrDigit(text[i]);

    private static bool IsAsciiPunctuation(char c) => char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c));

    /// <summary>The character at <paramref name="i"/>, or '\0' outside the text.</summary>
    private static char At(string text, int i) => i >= 0 && i < text.Length ? text[i] : '\0';
}
