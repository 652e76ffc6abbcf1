namespace GiBot.Measures.Questions;

/// <summary>
/// Reads numbers written in English words: eight, twenty-one, one hundred and five, twenty-first. Whole phrases only,
/// so "measure twenty-one" is 21 (a measure the plan does not have), never measure 20.
/// </summary>
public static class EnglishNumbers
{
    private static readonly string[] Small =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] SmallOrdinals =
        ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
            "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] TensOrdinals =
        ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

    private enum Kind
    {
        None,
        Unit,
        Teen,
        Tens,
        Hundred,
        Thousand,
        And,
        Invalid,
    }

    /// <summary>The value of words such as "twenty-one" or "one hundred and fifth"; null when they do not make one number ("one two").</summary>
    public static int? Parse(ReadOnlySpan<char> words)
    {
        var total = 0;
        var current = 0;
        var last = Kind.None;
        foreach (var range in words.SplitAny(' ', '-'))
        {
            var word = words[range];
            if (word.IsEmpty)
            {
                continue;
            }
            var (value, kind) = Read(word);
            switch (kind)
            {
                case Kind.And when last is Kind.Hundred or Kind.Thousand:
                    // "one hundred and five": the last word said stays what the next must follow.
                    continue;
                case Kind.Unit when last is Kind.None or Kind.Tens or Kind.Hundred or Kind.Thousand:
                case Kind.Teen or Kind.Tens when last is Kind.None or Kind.Hundred or Kind.Thousand:
                    current += value;
                    break;
                case Kind.Hundred when last is Kind.None or Kind.Unit or Kind.Teen && current < 100:
                    current = Math.Max(current, 1) * 100;
                    break;
                case Kind.Thousand when total == 0:
                    total = Math.Max(current, 1) * 1000;
                    current = 0;
                    break;
                default:
                    return null;
            }
            last = kind;
        }
        return last == Kind.None ? null : total + current;
    }

    /// <summary>Where the number whose first word ends at <paramref name="from"/> ends: past the number words that follow.</summary>
    public static int EndOfNumber(string text, int from)
    {
        var end = from;
        var previous = Read(WordBefore(text, from)).Kind;
        for (var (start, stop) = WordAfter(text, from); stop > start; (start, stop) = WordAfter(text, stop))
        {
            var kind = Read(text.AsSpan(start, stop - start)).Kind;
            // "and" joins only "one hundred and five"; "measures one and two" are two numbers.
            if (kind == Kind.Invalid || (kind == Kind.And && previous is not (Kind.Hundred or Kind.Thousand)))
            {
                break;
            }
            if (kind != Kind.And)
            {
                end = stop;
            }
            previous = kind;
        }
        return end;
    }

    /// <summary>Where the number whose last word starts at <paramref name="from"/> starts: before the number words in front of it.</summary>
    public static int StartOfNumber(string text, int from)
    {
        var begin = from;
        var afterAnd = false;
        for (var (start, stop) = WordEndingBefore(text, from); stop > start; (start, stop) = WordEndingBefore(text, start))
        {
            var kind = Read(text.AsSpan(start, stop - start)).Kind;
            if (kind == Kind.Invalid || (afterAnd && kind is not (Kind.Hundred or Kind.Thousand)))
            {
                break;
            }
            afterAnd = kind == Kind.And;
            if (!afterAnd)
            {
                begin = start;
            }
        }
        return begin;
    }

    // The word (letters) after the spaces and hyphens at index; empty at the end of the text.
    private static (int Start, int Stop) WordAfter(string text, int index)
    {
        var start = index;
        while (start < text.Length && text[start] is ' ' or '-')
        {
            start++;
        }
        var stop = start;
        while (stop < text.Length && char.IsAsciiLetterLower(text[stop]))
        {
            stop++;
        }
        return (start, stop);
    }

    // The word (letters) before the spaces and hyphens in front of index; empty at the start of the text.
    private static (int Start, int Stop) WordEndingBefore(string text, int index)
    {
        var stop = index;
        while (stop > 0 && text[stop - 1] is ' ' or '-')
        {
            stop--;
        }
        var start = stop;
        while (start > 0 && char.IsAsciiLetterLower(text[start - 1]))
        {
            start--;
        }
        return (start, stop);
    }

    private static ReadOnlySpan<char> WordBefore(string text, int index)
    {
        var (start, stop) = WordEndingBefore(text, index);
        return text.AsSpan(start, stop - start);
    }

    private static (int Value, Kind Kind) Read(ReadOnlySpan<char> word)
    {
        if (word.SequenceEqual("and"))
        {
            return (0, Kind.And);
        }
        if (word.SequenceEqual("hundred") || word.SequenceEqual("hundredth"))
        {
            return (100, Kind.Hundred);
        }
        if (word.SequenceEqual("thousand") || word.SequenceEqual("thousandth"))
        {
            return (1000, Kind.Thousand);
        }
        var small = Math.Max(IndexOf(Small, word), IndexOf(SmallOrdinals, word));
        if (small >= 0)
        {
            return (small, small < 10 ? Kind.Unit : Kind.Teen);
        }
        var tens = Math.Max(IndexOf(Tens, word), IndexOf(TensOrdinals, word));
        return tens >= 2 ? (tens * 10, Kind.Tens) : (0, Kind.Invalid);
    }

    private static int IndexOf(string[] words, ReadOnlySpan<char> word)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (word.SequenceEqual(words[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
