using System.Globalization;
using System.Text.RegularExpressions;
using GiBot.Localization;
using GiBot.Reminders.Schedule;

namespace GiBot.Reminders.Teams;

/// <summary>
/// "季度 25日 17:00", "monthly 20th", "月度 20日 下午5点", "半年", "一次 2026-12-20 2027-03-31", "默认": the words after
/// "提醒周期 8". Anything left over that is not understood is refused, never guessed: a deadline read wrongly would
/// remind a whole unit on the wrong day.
/// </summary>
public static partial class CycleParser
{
    public const string Example = "提醒周期 8 季度 25日 17:00";

    private const string ExampleEnglish = "reminder cycle 8 quarterly 25th 17:00";

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
            return Refused(measure,
                $"请写明周期：月度、季度、半年或一次（例如：{Example}；一次性：提醒周期 {measure} 一次 2026-12-20）。",
                $"Please name the cycle: monthly, quarterly, half-yearly or once (e.g. {ExampleEnglish}; one-off: reminder cycle {measure} once 2026-12-20).");
        }
        var left = Kind().Replace(rest, " ", 1);
        var dates = new List<DateOnly>();
        foreach (Match match in Dates().Matches(left))
        {
            if (!DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Refused(measure, $"日期 {match.Value} 不存在，请检查后重新发送。", $"There is no date {match.Value}; please check it and send again.");
            }
            dates.Add(date);
        }
        left = Dates().Replace(left, " ");
        var at = new TimeOnly(17, 0);
        if (Clock().Match(left) is { Success: true } clock)
        {
            if (ClockTime(clock) is not { } parsed)
            {
                return Refused(measure, $"时间“{clock.Value.Trim()}”不正确，请写 0:00 到 23:59 之间的时间，例如 17:00。",
                    $"\"{clock.Value.Trim()}\" is not a time of day; please write one from 0:00 to 23:59, e.g. 17:00.");
            }
            at = parsed;
            left = left.Remove(clock.Index, clock.Length).Insert(clock.Index, " ");
        }
        var day = 25;
        if (Day().Match(left) is { Success: true } d)
        {
            day = int.Parse(d.Groups["day"].Value, CultureInfo.InvariantCulture);
            left = left.Remove(d.Index, d.Length).Insert(d.Index, " ");
        }
        if (day is < 1 or > 31)
        {
            return Refused(measure, "截止日请写 1 到 31 之间的日期，例如“25日”。", "Please give the due day as 1 to 31, e.g. \"25th\".");
        }
        if (Filler().Replace(left, "").Length > 0)
        {
            var unknown = MarkdownText.Literal(Filler().Replace(left, " ").Trim());
            return Refused(measure, $"没看懂“{unknown}”。请按这个格式写：{Example}。", $"I did not understand \"{unknown}\". Please write it like: {ExampleEnglish}.");
        }
        if (kind == CycleKind.Once && dates.Count == 0)
        {
            return Refused(measure, $"一次性周期请写截止日期，例如：提醒周期 {measure} 一次 2026-12-20。", $"A one-off cycle needs its deadline, e.g. reminder cycle {measure} once 2026-12-20.");
        }
        if (kind != CycleKind.Once && dates.Count > 0)
        {
            return Refused(measure, $"只有一次性周期才写日期，例如：提醒周期 {measure} 一次 {dates[0]:yyyy-MM-dd}。",
                $"Only a one-off cycle takes dates, e.g. reminder cycle {measure} once {dates[0]:yyyy-MM-dd}.");
        }
        return new SetCycle(measure, new CycleRule(kind.Value, day, at, true, kind == CycleKind.Once ? [.. dates.Order()] : []), null);
    }

    private static SetCycle Refused(int measure, string chinese, string english) => new(measure, null, new CycleProblem(chinese, english));

    private static TimeOnly? ClockTime(Match clock)
    {
        var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = clock.Groups["half"].Success ? 30 : clock.Groups["m"].Success ? int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (clock.Groups["pm"].Success && hour is >= 1 and < 12)
        {
            hour += 12;
        }
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    [GeneratedRegex(@"每半年|半年度|半年|half-?yearly|每季度|季度|quarterly|每月|月度|monthly|一次性|一次|once|one-off", RegexOptions.IgnoreCase)]
    private static partial Regex Kind();

    // Any year, so that 2020-01-01 or 2026-02-30 is refused with a reason rather than read as something else.
    [GeneratedRegex(@"\d{4}-\d{1,2}-\d{1,2}")]
    private static partial Regex Dates();

    // 17:00, 17：00, 下午5点, 上午9点半, 9点30分, at 5pm is not taken (write 17:00).
    [GeneratedRegex(@"(?:(?<am>上午|早上)|(?<pm>下午|晚上))?\s*(?<![\d:：])(?<h>\d{1,2})(?:\s*[:：]\s*(?<m>\d{1,2})|\s*[点时](?:\s*(?<half>半)|\s*(?<m>\d{1,2})\s*分?)?)(?![\d:：])")]
    private static partial Regex Clock();

    [GeneratedRegex(@"(?<![\d:：])(?<day>\d{1,2})\s*(?:日|号|st|nd|rd|th|(?=\s|$))", RegexOptions.IgnoreCase)]
    private static partial Regex Day();

    // Words that say nothing by themselves: "截止", "每月的", "due on day", punctuation.
    [GeneratedRegex(@"[\s,，;；、。.]+|截止(?:日期|时间)?|截至|的|前|每|day|due|on|the|at|by", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();
}
