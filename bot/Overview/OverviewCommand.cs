using System.Text.RegularExpressions;
using GiBot.Protocol.Turns;

namespace GiBot.Overview;

/// <summary>What an overview command asks for.</summary>
public abstract record OverviewRequest;

/// <summary>"总览", "总览 温县", "overview 8": the overview, optionally of one unit or one measure (the filter text).</summary>
public sealed record ShowOverview(string? Filter) : OverviewRequest;

/// <summary>"本期未报送" / "not reported".</summary>
public sealed record ShowMissing : OverviewRequest;

/// <summary>"导出台账", "导出 csv", "export xlsx".</summary>
public sealed record ExportLedger(bool Xlsx) : OverviewRequest;

/// <summary>"看板" / "dashboard".</summary>
public sealed record OpenDashboard : OverviewRequest;

/// <summary>Reads the overview's typed commands. Anything else is left to other features.</summary>
public static partial class OverviewCommand
{
    /// <summary>
    /// What every command can start with (the first character of each pattern below), except "who has not reported":
    /// a text starting with w is a command only if it says "reported" (none of whose letters has a case variant outside
    /// ASCII), so questions such as "who is responsible for measure 8" skip the patterns.
    /// </summary>
    private const string FirstChars = "总概本未尚导督看进onmed";

    public static OverviewRequest? Parse(string text) =>
        CommandStart.MayStartWith(text, FirstChars) || (text.Contains("reported", StringComparison.OrdinalIgnoreCase) && CommandStart.MayStartWith(text, "w"))
            ? ParseAny(text)
            : null;

    /// <summary>The parse without the pre-check (tests compare both).</summary>
    internal static OverviewRequest? ParseAny(string text)
    {
        var t = text.Trim().TrimEnd('。', '.', '!', '！', '?', '？');
        if (Overview().Match(t) is { Success: true } overview)
        {
            var filter = overview.Groups["filter"].Value.Trim();
            if (Question().IsMatch(filter))
            {
                return null; // "总览一下第8项是什么意思" is a question for someone else
            }
            filter = filter is "一下" or "情况" or "一览" ? "" : filter;
            return new ShowOverview(filter.Length == 0 ? null : filter);
        }
        if (Missing().IsMatch(t))
        {
            return new ShowMissing();
        }
        if (Export().Match(t) is { Success: true } export)
        {
            return new ExportLedger(!export.Groups["format"].Value.Equals("csv", StringComparison.OrdinalIgnoreCase));
        }
        return Dashboard().IsMatch(t) ? new OpenDashboard() : null;
    }

    // Chinese needs no space before the unit or measure (总览温县, 总览8); English does ("overviewing" is not a command).
    [GeneratedRegex(@"^(?:(?:总览|概览)[\s:：]*|overview(?:[\s:：]+|$))(?<filter>.+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Overview();

    [GeneratedRegex(@"什么|吗|怎么|如何|为何|意思|哪|谁|[?？]")]
    private static partial Regex Question();

    [GeneratedRegex(@"^(?:本期)?(?:未报送|未报|尚未报送)(?:单位|名单)?$|^(?:who\s+has\s+)?not\s+(?:yet\s+)?reported$|^missing\s+reports?$", RegexOptions.IgnoreCase)]
    private static partial Regex Missing();

    [GeneratedRegex(@"^(?:导出(?:督办)?台账|导出|督办台账|export(?:\s+ledger)?)(?:\s*(?<format>xlsx|csv|excel))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Export();

    [GeneratedRegex(@"^(?:看板|进度看板|dashboard)$", RegexOptions.IgnoreCase)]
    private static partial Regex Dashboard();
}
