using System.Globalization;
using System.Text.RegularExpressions;
using GiBot.Reminders.Schedule;

namespace GiBot.Reminders.Teams;

/// <summary>"季度 25日 17:00", "monthly 20", "半年", "一次 2026-12-20 2027-03-31", "默认": the words after "提醒周期 8".</summary>
public static partial class CycleParser
{
    public const string Example = "提醒周期 8 季度 25日 17:00";

    public static SetCycle Parse(int measure, string words)
    {
        var rest = words.Trim();
        if (Regex.IsMatch(rest, @"^(默认|恢复默认|default|reset)$", RegexOptions.IgnoreCase))
        {
            return new SetCycle(measure, null, null);
        }
        CycleKind? kind = Kind().Match(rest) is { Success: true } k ? k.Value.ToLowerInvariant() switch
        {
            "月度" or "每月" or "月" or "monthly" => CycleKind.Monthly,
            "季度" or "每季度" or "quarterly" => CycleKind.Quarterly,
            "半年" or "半年度" or "每半年" or "half-yearly" or "halfyearly" => CycleKind.HalfYearly,
            _ => CycleKind.Once,
        } : null;
        if (kind is null)
        {
            return new SetCycle(measure, null, "请写明周期：月度、季度、半年或一次（例如：" + Example + "；一次性：提醒周期 8 一次 2026-12-20）。");
        }
        var dates = Dates().Matches(rest).Select(m => DateOnly.ParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)).Order().ToArray();
        var withoutDates = Dates().Replace(rest, " ");
        var day = Day().Match(withoutDates) is { Success: true } d ? int.Parse(d.Groups[1].Value, CultureInfo.InvariantCulture) : 25;
        var at = Time().Match(withoutDates) is { Success: true } t ? TimeOnly.ParseExact(t.Value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture) : new TimeOnly(17, 0);
        if (day is < 1 or > 31)
        {
            return new SetCycle(measure, null, "截止日请写 1 到 31 之间的日期，例如“25日”。");
        }
        if (kind == CycleKind.Once && dates.Length == 0)
        {
            return new SetCycle(measure, null, "一次性周期请写截止日期，例如：提醒周期 8 一次 2026-12-20。");
        }
        return new SetCycle(measure, new CycleRule(kind.Value, day, at, true, kind == CycleKind.Once ? dates : []), null);
    }

    [GeneratedRegex(@"每半年|半年度|半年|half-?yearly|每季度|季度|quarterly|每月|月度|monthly|一次性|一次|once|one-off", RegexOptions.IgnoreCase)]
    private static partial Regex Kind();

    [GeneratedRegex(@"20\d\d-\d\d-\d\d")]
    private static partial Regex Dates();

    [GeneratedRegex(@"(?<![\d:])(\d{1,2})\s*(日|号|(?=\s|$))(?!:)")]
    private static partial Regex Day();

    [GeneratedRegex(@"\b\d{1,2}:\d\d\b")]
    private static partial Regex Time();
}
