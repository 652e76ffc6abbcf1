using System.Globalization;
using System.Text.RegularExpressions;

namespace GiBot.Measures.Questions;

/// <summary>
/// Finds the numbers a question names: a section (第四部分, part 4), an item (（八）, 举措八, item 8) or a
/// measure (第八项, 措施8, 序号8, 第8条, #8, measure 8, ⑧ after normalization, a bare number).
/// Works on <see cref="QuestionText.Normalize"/>d text.
/// </summary>
public static partial class NumberPatterns
{
    private const string Cn = "[" + ChineseNumerals.Characters + "]+";
    private const string Num = @"\d+|" + Cn;

    /// <summary>The section number named, as its value (四 → 4), or null.</summary>
    public static int? Section(string text)
    {
        var m = SectionRegex().Match(text);
        return m.Success ? Value(m.Groups["n"].Value) : null;
    }

    /// <summary>The item number named, as its value (（八） → 8), or null.</summary>
    public static int? Item(string text)
    {
        var m = ItemRegex().Match(text);
        return m.Success ? Value(m.Groups["n"].Value) : null;
    }

    /// <summary>Measure numbers named with a measure word (措施8, 第八项, measure #8, 序号8…), distinct, in order.</summary>
    public static IReadOnlyList<int> Measures(string text)
    {
        var found = new List<int>(2);
        // Match by match rather than a MatchCollection, the number read from the group's span (no substring).
        for (var m = MeasureRegex().Match(text); m.Success; m = m.NextMatch())
        {
            Add(found, Value(m.Groups["n"].ValueSpan));
        }
        if (found.Count == 0)
        {
            // Any other Arabic number ("who owns 8", "8?") names a measure: items and sections are written in Chinese numerals.
            foreach (var m in BareDigitsRegex().EnumerateMatches(text))
            {
                Add(found, Value(text.AsSpan(m.Index, m.Length)));
            }
        }
        return found;
    }

    /// <summary>Every Arabic number in the text, in order.</summary>
    public static IReadOnlyList<int> BareNumbers(string text)
    {
        var numbers = new List<int>();
        foreach (var m in BareDigitsRegex().EnumerateMatches(text))
        {
            numbers.Add(Value(text.AsSpan(m.Index, m.Length)));
        }
        return numbers;
    }

    /// <summary>A question that is nothing but a Chinese numeral ("八"): could be measure 8 or item （八）.</summary>
    public static int? BareChineseNumeral(string text)
    {
        var m = BareChineseRegex().Match(text);
        return m.Success ? Value(m.Groups["n"].Value) : null;
    }

    private static void Add(List<int> found, int value)
    {
        if (value >= 0 && !found.Contains(value))
        {
            found.Add(value);
        }
    }

    /// <summary>The value of Arabic digits (<see cref="ChineseNumerals.TooLarge"/> when too long) or of a Chinese numeral (-1 when not one).</summary>
    internal static int Value(ReadOnlySpan<char> digits) =>
        char.IsAsciiDigit(digits[0])
            ? int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : ChineseNumerals.TooLarge
            : ChineseNumerals.Parse(digits);

    [GeneratedRegex(@"第\s*(?<n>" + Num + @")\s*(?:大)?部分|\b(?:section|part)\s*(?<n>\d+)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SectionRegex();

    [GeneratedRegex(@"\(\s*(?<n>" + Cn + @")\s*\)|举措\s*(?<n>" + Num + @")|\bitem\s*(?:no\.?\s*|#\s*)?\(?\s*(?<n>" + Num + @")", RegexOptions.CultureInvariant)]
    private static partial Regex ItemRegex();

    [GeneratedRegex(
        @"(?:措施|序号|编号)\s*(?:第|#|no\.?)?\s*(?<n>" + Num + @")"
        + @"|第\s*(?<n>" + Num + @")\s*(?=项|条|号|个|措施|$|[\s?,.!。、谁由的是])"
        + @"|\bmeasures?\s*(?:no\.?\s*|number\s*|#\s*)?(?<n>\d+)"
        + @"|#\s*(?<n>\d+)|\bno\.\s*(?<n>\d+)|\bnumber\s+(?<n>\d+)"
        + @"|(?<![\d.])(?<n>\d+)\s*(?:号|项|条)"
        + @"|(?<n>" + Cn + @")\s*(?:号|项)措施"
        + @"|(?<!\d)(?<n>\d+)(?:st|nd|rd|th)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex MeasureRegex();

    [GeneratedRegex(@"(?<![\d.])\d+(?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex BareDigitsRegex();

    [GeneratedRegex(@"^(?<n>" + Cn + @")\s*[?.!。]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareChineseRegex();
}
