using System.Text.RegularExpressions;

namespace GiBot.Measures.Questions;

/// <summary>
/// Questions about several measures at once, read before single numbers: the whole plan ("这20项措施", "有几项措施"),
/// the last or first few ("最后一项", "前三项"), ranges and lists ("第8到10项", "measures 8-10", "第8、9、10项"),
/// and numbers that are not measure numbers (a negative one, a document number such as 焦政〔2018〕23号).
/// Works on <see cref="QuestionText.Normalize"/>d text.
/// </summary>
public static partial class PlanWidePatterns
{
    private const string Cn = "[" + ChineseNumerals.Characters + "]+";
    private const string Num = @"\d+|" + Cn;

    /// <summary>The text without document numbers (焦政〔2018〕23号, 〔2017〕119号): they cite regulations, not measures.</summary>
    public static string WithoutDocumentNumbers(string text) =>
        text.Contains('〔') || text.Contains('[') || text.Contains('(') ? DocumentNumberRegex().Replace(text, " ") : text;

    /// <summary>True for questions about all measures by their count: "这20项措施分别由谁负责", "有几项措施", "how many measures".</summary>
    public static bool AsksForWholePlan(string text, int measureCount) =>
        HowManyRegex().IsMatch(text)
        || CountRegex().Match(text) is { Success: true } m && NumberPatterns.Value(m.Groups["n"].ValueSpan) == measureCount;

    /// <summary>"谁牵头", "牵头单位", "who leads", "the lead unit".</summary>
    public static bool AsksForLead(string text) => text.Contains("牵头", StringComparison.Ordinal) || LeadRegex().IsMatch(text);

    /// <summary>"最后一项措施", "the last measure".</summary>
    public static bool AsksForLast(string text) => LastRegex().IsMatch(text);

    /// <summary>"前三项措施", "the first 3 measures": how many, or null.</summary>
    public static int? FirstFew(string text) => FirstFewRegex().Match(text) is { Success: true } m ? NumberPatterns.Value(m.Groups["n"].ValueSpan) : null;

    /// <summary>"第8到10项", "8-10", "measures 8 to 10": both ends, or null.</summary>
    public static (int From, int To)? Range(string text) =>
        RangeRegex().Match(text) is { Success: true } m ? (NumberPatterns.Value(m.Groups["a"].ValueSpan), NumberPatterns.Value(m.Groups["b"].ValueSpan)) : null;

    /// <summary>"-1", "第-1项", "measure -1": the negative number named, or null. "8-10" is a range, not -10.</summary>
    public static int? Negative(string text) => NegativeRegex().Match(text) is { Success: true } m ? -NumberPatterns.Value(m.Groups["n"].ValueSpan) : null;

    /// <summary>"measure eight", "the eighth measure", "measure twenty-one", "twenty-first measure": the number, or null.</summary>
    public static int? EnglishNumberWord(string text)
    {
        var m = EnglishWordRegex().Match(text);
        if (!m.Success)
        {
            return null;
        }
        // The pattern finds one word; the words around it that belong to the same number are read here, off the hot path
        // (a pattern for whole number phrases, tried at every word, doubled the time of "who is responsible for measure 8").
        if (m.Groups["w"] is { Success: true } cardinal)
        {
            return EnglishNumbers.Parse(text.AsSpan(cardinal.Index, EnglishNumbers.EndOfNumber(text, cardinal.Index + cardinal.Length) - cardinal.Index));
        }
        var ordinal = m.Groups["o"];
        var start = EnglishNumbers.StartOfNumber(text, ordinal.Index);
        return EnglishNumbers.Parse(text.AsSpan(start, ordinal.Index + ordinal.Length - start));
    }

    [GeneratedRegex(@"[〔\[(]\s*(?:19|20)\d\d\s*[〕\])]\s*\d+\s*号", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumberRegex();

    [GeneratedRegex(@"(?:几|多少)\s*(?:项|条|个)?\s*(?:措施|举措)|\bhow\s+many\s+measures\b", RegexOptions.CultureInvariant)]
    private static partial Regex HowManyRegex();

    // A count, not an ordinal: no 第 before it.
    [GeneratedRegex(@"(?<!第\s*)(?<![\d" + ChineseNumerals.Characters + @"])(?<n>" + Num + @")\s*(?:项|条)\s*(?:措施|举措|工作|任务)|(?:这|共|全部|所有)\s*(?<n>" + Num + @")\s*(?:项|条)", RegexOptions.CultureInvariant)]
    private static partial Regex CountRegex();

    [GeneratedRegex(@"\b(?:leads?|leading|led)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeadRegex();

    [GeneratedRegex(@"最后\s*(?:一)?\s*(?:项|条|个)|\blast\s+measure\b", RegexOptions.CultureInvariant)]
    private static partial Regex LastRegex();

    [GeneratedRegex(@"前\s*(?<n>" + Num + @")\s*(?:项|条|个)|\bfirst\s+(?<n>\d+)\s+measures\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstFewRegex();

    [GeneratedRegex(@"(?<![\d.])(?<a>" + Num + @")\s*(?:项|条|号)?\s*(?:-|–|—|~|～|到|至|\bto\b)\s*(?:第\s*)?(?<b>" + Num + @")(?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex RangeRegex();

    [GeneratedRegex(@"(?<![\d" + ChineseNumerals.Characters + @"]\s*)-\s*(?<n>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex NegativeRegex();

    [GeneratedRegex(@"\bmeasures?\s+(?:no\.?\s*|number\s+)?(?<w>zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b"
        + @"|\b(?<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\s+measure\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWordRegex();
}
