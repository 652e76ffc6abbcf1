using System.Text;
using GiBot.Localization;

namespace GiBot.Reminders.Nudges;

/// <summary>A liaison a nudge cannot reach, and the units they were to be nudged for.</summary>
public sealed record UnreachableLiaison(string Name, IReadOnlyList<string> Units);

/// <summary>
/// What "提醒 N" did, told honestly: which units' liaisons were nudged and how many of those people the bot can reach,
/// who it cannot reach (no personal chat with GiBot) and what to do about it, and the units left out and why.
/// </summary>
public sealed class NudgeReply(int measure, string period)
{
    /// <summary>Units nudged, each with the liaisons the bot can reach.</summary>
    public List<(string Unit, IReadOnlyList<string> Liaisons)> Nudged { get; } = [];

    /// <summary>How many people the nudge reaches (a liaison of two units nudged counts once).</summary>
    public int PeopleReached { get; set; }

    public List<UnreachableLiaison> Unreachable { get; } = [];

    /// <summary>Units not nudged because none of their liaisons can be reached.</summary>
    public List<string> NoneReachable { get; } = [];

    /// <summary>Units nudged less than the interval ago, with when they may be nudged again (already formatted).</summary>
    public List<(string Unit, string Again)> Waiting { get; } = [];

    public List<string> NoLiaison { get; } = [];

    public IReadOnlyCollection<string> Reported { get; init; } = [];

    /// <summary>The least time between two nudges of one unit (<c>Reminders:ManualNudgeInterval</c>).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>When the nudge goes out, when that is not now (outside working hours), already formatted.</summary>
    public string? GoesOutAt { get; init; }

    public string Text(Language language)
    {
        var sep = language.Pick("、", ", ");
        var text = new StringBuilder();
        if (Nudged.Count > 0)
        {
            var people = PeopleReached;
            var units = string.Join(sep, Nudged.Select(n => $"{n.Unit}{language.Pick("（", " (")}{string.Join(sep, n.Liaisons.Select(MarkdownText.Literal))}{language.Pick("）", ")")}"));
            text.Append(language.Pick(
                $"已安排提醒第 {measure} 项措施（{period}）未报单位的联络员，共 {people} 人：{units}。",
                $"Nudging the liaisons of the units that have not reported measure {measure} ({period}), {people} {(people == 1 ? "person" : "people")}: {units}."));
            text.Append(GoesOutAt is { } at
                ? language.Pick($"现在不是工作时间，提醒将于 {at} 发出。", $" It is outside working hours, so it goes out at {at}.")
                : "");
            text.Append(language.Pick("若 Teams 拒收，我会在与您的私聊中告诉您没送达谁。", " Should Teams refuse it, I will tell you in our 1:1 chat whom it did not reach."));
        }
        else
        {
            text.Append(language.Pick($"第 {measure} 项措施（{period}）本次没有发出新的提醒。", $"No new nudge for measure {measure} ({period})."));
        }
        if (Unreachable.Count > 0)
        {
            text.Append(language.Pick($"\n\n以下 {Unreachable.Count} 人收不到提醒：他们还没有在 Teams 中安装或打开 GiBot（或已将其卸载），机器人无法主动给他们发消息。\n",
                $"\n\n{Unreachable.Count} {(Unreachable.Count == 1 ? "person does" : "people do")} not get the nudge: they have not installed or opened GiBot in Teams (or removed it), and the bot cannot message them first.\n"));
            foreach (var person in Unreachable)
            {
                text.Append($"- {MarkdownText.Literal(person.Name)}{language.Pick("（", " (")}{string.Join(sep, person.Units)}{language.Pick("）", ")")}\n");
            }
            if (NoneReachable.Count > 0)
            {
                text.Append(language.Pick($"因此以下单位本次没有人收到提醒：{string.Join(sep, NoneReachable)}。\n",
                    $"So nobody at these units is nudged this time: {string.Join(sep, NoneReachable)}.\n"));
            }
            text.Append(language.Pick(
                $"处理方法：请他们在 Teams 中搜索并添加 GiBot 应用、给它发一条消息（或由 Teams 管理员为他们安装 GiBot），然后再发送“提醒 {measure}”；也可以先电话通知。",
                $"What to do: ask them to find and add the GiBot app in Teams and send it a message (or have a Teams administrator install it for them), then send \"remind {measure}\" again; meanwhile, a phone call reaches them."));
        }
        if (Reported.Count > 0)
        {
            text.Append(language.Pick($"\n\n已汇报或已完成：{string.Join(sep, Reported)}。", $"\n\nAlready reported or finished: {string.Join(sep, Reported)}."));
        }
        if (Waiting.Count > 0)
        {
            var waiting = string.Join(sep, Waiting.Select(w => language.Pick($"{w.Unit}（{w.Again} 后可再提醒）", $"{w.Unit} (again after {w.Again})")));
            var minutes = (int)Interval.TotalMinutes;
            var every = Interval == TimeSpan.FromHours(1)
                ? language.Pick("每小时", "once an hour")
                : language.Pick($"每 {minutes} 分钟", $"once every {minutes} minutes");
            text.Append(language.Pick($"\n\n每个单位{every}最多提醒一次，以下单位刚提醒过：{waiting}。",
                $"\n\nEach unit can be nudged at most {every}; these were nudged recently: {waiting}."));
        }
        if (NoLiaison.Count > 0)
        {
            text.Append(language.Pick($"\n\n以下单位在名册中没有联络员，无法提醒：{string.Join(sep, NoLiaison)}。可发送“添加 ××× 到 ×× 为 联络员”添加（×××为此人的邮箱或姓名，××为单位名称；发送“成员名单”查看名册）。",
                $"\n\nThese units have no liaison on the roster, so nobody can be nudged: {string.Join(sep, NoLiaison)}. Send \"add [email or name] to [unit] as liaison\" to add one (\"roster\" lists the roster)."));
        }
        return text.ToString();
    }
}
