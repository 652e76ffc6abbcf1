using System.Globalization;
using System.Text.RegularExpressions;
using GiBot.Measures.Questions;
using GiBot.Protocol.Turns;

namespace GiBot.Updates;

/// <summary>What a text message asks of the update feature.</summary>
public abstract partial record UpdateCommand
{
    /// <summary>Reads the update commands; null when the text is not one (then other features answer it).</summary>
    public static UpdateCommand? Parse(string text) => CommandStart.MayStartWith(text, FirstChars) ? ParseAny(text) : null;

    /// <summary>What every command can start with (the first character of each pattern below: words, 第, a number).</summary>
    private const string FirstChars = "查第零〇一二两三四五六七八九十我汇进填报提上本无没0123456789hpursmn";

    /// <summary>The parse without the pre-check (tests compare both).</summary>
    internal static UpdateCommand? ParseAny(string text)
    {
        text = text.Trim().TrimEnd('。', '.', '!', '！', '?', '？');
        if (History().Match(text) is { Success: true } history)
        {
            return new ShowHistory(Number(history));
        }
        if (StartBare().IsMatch(text))
        {
            return new StartUpdate(null);
        }
        if (StartWithMeasure().Match(text) is { Success: true } start)
        {
            return new StartUpdate(Number(start));
        }
        if (MeasureThenReport().Match(text) is { Success: true } reverse)
        {
            return new StartUpdate(Number(reverse));
        }
        if (NoNewsBare().IsMatch(text))
        {
            return new NoChange(null);
        }
        if (NoNewsOnMeasure().Match(text) is { Success: true } none)
        {
            return new NoChange(Number(none));
        }
        if (OneLine().Match(text) is { Success: true } line)
        {
            return NoNewsBare().IsMatch(line.Groups["rest"].Value.Trim())
                ? new NoChange(Number(line))
                : QuickUpdate.From(Number(line), line.Groups["rest"].Value);
        }
        return null;
    }

    private static int Number(Match match)
    {
        var value = match.Groups["n"].Value;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : ChineseNumerals.Parse(value);
    }

    private const string N = @"(?<n>\d{1,3}|[零〇一二两三四五六七八九十]{1,3})";
    // The words people use for it: 汇报, 报送, 上报, 提交, 填报, 报告 (with or without 进展), and English "report/submit (progress) (on)".
    private const string ReportWord = @"(?:我要|我想)?(?:(?:汇报|报送|上报|提交|填报|报告)进展|进展(?:汇报|报送|上报|提交|填报)|汇报|报送|上报|填报"
        + @"|update|(?:report|submit)(?:\s+(?:progress|an?\s+update))?(?:\s+(?:on|for))?)";

    // 本期无新进展, 没有新进展, 无进展; "no news (this period)", "no change", "nothing new".
    private const string NoNews = @"(?:(?:本期|本月|本季度?|本年度?|这期|这个月)\s*)?(?:无|没有)\s*新?\s*的?\s*进展"
        + @"|no\s+(?:news|changes?|new\s+progress|progress|update)(?:\s+this\s+(?:period|month|quarter|year))?|nothing\s+new";

    [GeneratedRegex($@"^(?:{NoNews})$", RegexOptions.IgnoreCase)]
    private static partial Regex NoNewsBare();

    [GeneratedRegex($@"^(?:(?:第\s*)?(?:measure\s*)?{N}\s*(?:项(?:措施)?)?\s*(?:的)?[\s,，:：]*(?:{NoNews})|(?:{NoNews})[\s,，:：]*(?:(?:on|for)\s+)?(?:第\s*)?(?:measure\s*)?{N}\s*(?:项(?:措施)?)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex NoNewsOnMeasure();

    [GeneratedRegex($@"^(?:查看\s*)?(?:第\s*)?{N}\s*项(?:措施)?\s*(?:的)?\s*(?:进展|进度|进展情况|汇报记录|历史)$|^(?:history|progress|updates)\s+(?:of\s+)?(?:measure\s*)?{N}$", RegexOptions.IgnoreCase)]
    private static partial Regex History();

    [GeneratedRegex($@"^(?:{ReportWord}|progress\s+update|(?:报送|上报|提交|汇报)进展情况)$", RegexOptions.IgnoreCase)]
    private static partial Regex StartBare();

    [GeneratedRegex($@"^{ReportWord}\s*(?:第\s*)?(?:measure\s*)?{N}\s*(?:项)?(?:措施)?(?:的?进展(?:情况)?|\s+progress)?$", RegexOptions.IgnoreCase)]
    private static partial Regex StartWithMeasure();

    [GeneratedRegex($@"^(?:第\s*)?{N}\s*项(?:措施)?\s*(?:的)?(?:汇报进展|进展汇报|汇报)$", RegexOptions.IgnoreCase)]
    private static partial Regex MeasureThenReport();

    [GeneratedRegex($@"^{ReportWord}\s*(?:第\s*)?(?:measure\s*)?{N}\s*(?:项)?(?:措施)?\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex OneLine();
}

/// <summary>"汇报进展", "update 8", "第8项汇报": opens the update card (for a measure when given).</summary>
public sealed record StartUpdate(int? Measure) : UpdateCommand;

/// <summary>"第8项本期无新进展", "no news on measure 8": nothing changed this period (the measure may be missing).</summary>
public sealed record NoChange(int? Measure) : UpdateCommand;

/// <summary>"第8项进展", "history 8": the latest update of each unit.</summary>
public sealed record ShowHistory(int Measure) : UpdateCommand;

/// <summary>"update 8 推进中 60% 已完成专项检查3次": a whole update in one line, for clients without cards.</summary>
public sealed partial record QuickUpdate(int Measure, string? Status, string? Percent, string? Progress) : UpdateCommand
{
    public static QuickUpdate From(int measure, string rest)
    {
        rest = rest.Trim();
        string? status = null;
        if (StatusWord().Match(rest) is { Success: true } word)
        {
            status = UpdateStatus.Parse(word.Groups["s"].Value);
            rest = rest[word.Length..].TrimStart();
        }
        string? percent = null;
        if (PercentWord().Match(rest) is { Success: true } p)
        {
            percent = p.Groups["p"].Value;
            rest = rest[p.Length..].TrimStart();
        }
        return new QuickUpdate(measure, status, percent, rest.Length == 0 ? null : rest);
    }

    [GeneratedRegex(@"^(?<s>未启动|未开始|推进中|进行中|已完成|完成|受阻|阻塞|not[- ]started|in[- ]progress|ongoing|completed|complete|done|blocked)(?=[\s,，;；:：]|\d|$)[\s,，;；:：]*", RegexOptions.IgnoreCase)]
    private static partial Regex StatusWord();

    [GeneratedRegex(@"^(?<p>\d{1,3}(?:\.\d+)?)\s*[%％](?:[\s,，;；:：]+|$)")]
    private static partial Regex PercentWord();
}
