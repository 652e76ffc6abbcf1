using System.Text;
using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Reminders.Schedule;
using GiBot.Reminders.Sending;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Reminders.Teams;

/// <summary>What the admin commands do: show the plan, change a measure's cycle (nudging is <see cref="Nudges.ManualNudge"/>).</summary>
public sealed class ReminderAdmin(
    ReminderOptions options,
    ConfiguredReportingSchedule schedule,
    CycleSettings cycles,
    WorkingDayCalendar calendar,
    WorkingHours hours,
    MeasureRegistry registry,
    IReminderStore reminders,
    ChannelSummary summary,
    ReminderScheduler scheduler,
    TimeProvider time)
{
    private const int MaxLines = 40;

    public async Task<string> PlanAsync(Language language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await cycles.RefreshAsync(cancellationToken);
        var text = new StringBuilder(language.Pick("**提醒计划**\n\n", "**Reminder plan**\n\n"));
        text.Append(language.Pick("默认周期：", "Default cycle: ")).Append(options.Default.Describe(language)).Append('\n');
        foreach (var measure in registry.Measures.Where(m => schedule.Rule(m.Number) != options.Default))
        {
            text.Append(language.Pick($"- 第 {measure.Number} 项：", $"- Measure {measure.Number}: ")).Append(schedule.Rule(measure.Number).Describe(language)).Append('\n');
        }
        var start = options.WorkStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var end = TimeOnly.FromTimeSpan(options.WorkEnd == TimeSpan.FromDays(1) ? options.WorkEnd - TimeSpan.FromMinutes(1) : options.WorkEnd).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        text.Append(language.Pick($"\n提醒只在{(options.WorkingDaysOnly ? "工作日" : "每天")} {start}–{end}（北京时间）发送；阶梯：",
            $"\nReminders go out {(options.WorkingDaysOnly ? "on working days" : "every day")} {start}–{end} Beijing time; ladder: "))
            .Append(string.Join(language.Pick("，", ", "), options.Ladder.Select(s => $"{s.Name}→{string.Join("/", s.Roles.Select(r => RosterRoles.Display(r, language)))}"
                + (s.ChannelSummary ? language.Pick("+频道汇总", "+channel summary") : ""))))
            .Append('\n');
        var year = hours.LocalDay(now).Year;
        foreach (var missing in new[] { year, year + 1 }.Where(y => !calendar.HasScheduleFor(y)))
        {
            text.Append(language.Pick(
                $"\n⚠ 尚无 {missing} 年法定节假日安排（国务院办公厅通知未收录），该年暂按周一至周五计算工作日，节假日和调休不会自动避开。通知发布后请运维人员添加 bot/Resources/calendar/{missing}.json。\n",
                $"\n⚠ No {missing} holiday calendar yet (the State Council notice is not included): that year counts Monday to Friday as working days, so holidays and make-up days are not respected. Ask the operators to add bot/Resources/calendar/{missing}.json once it is published.\n"));
        }
        var upcoming = (await reminders.ListDueBetweenAsync(now.AddDays(-1), now.AddDays(35), cancellationToken))
            .Where(r => r.Status == ReminderStatus.Pending).OrderBy(r => r.Plan.DueAt).ThenBy(r => r.Plan.Measure).ToArray();
        text.Append(language.Pick($"\n**待发送的提醒（{upcoming.Length} 条）**\n", $"\n**Pending reminders ({upcoming.Length})**\n"));
        foreach (var group in upcoming.GroupBy(r => (r.Plan.DueAt, r.Plan.Measure, r.Plan.Period, Step: StepLabel(r.Plan.Step, language))).Take(MaxLines))
        {
            var (dueAt, measure, period, step) = group.Key;
            text.Append($"- {hours.Format(dueAt)} {step} ");
            text.Append(measure == 0
                ? language.Pick("频道逾期汇总", "channel overdue summary")
                : language.Pick($"第 {measure} 项（{period}）：", $"measure {measure} ({period}): ") + string.Join(language.Pick("、", ", "), group.Select(r => r.Plan.UnitId)));
            text.Append('\n');
        }
        if (upcoming.Length == 0)
        {
            text.Append(language.Pick("（暂无。名册中有联络员或负责人的单位才会收到提醒。）\n", "(None. Only units with liaisons or heads on the roster are reminded.)\n"));
        }
        var overdue = await summary.OverdueAsync(now, cancellationToken);
        if (overdue.Count > 0)
        {
            text.Append(language.Pick("\n**逾期未报**\n", "\n**Overdue**\n"));
            foreach (var (measure, period, _, missing) in overdue.Take(MaxLines))
            {
                text.Append(language.Pick($"- 第 {measure} 项（{period}）：", $"- Measure {measure} ({period}): ")).Append(summary.Units(missing, language)).Append('\n');
            }
        }
        return text.ToString();
    }

    public async Task<string> SetCycleAsync(SetCycle command, Language language, CancellationToken cancellationToken)
    {
        if (registry.Find(command.Measure) is null)
        {
            return language.Pick($"分工方案共有 {MeasureRegistry.MeasureCount} 项措施，没有第 {command.Measure} 项。", $"The plan has {MeasureRegistry.MeasureCount} measures; there is no measure {command.Measure}.");
        }
        if (command.Problem is { } problem)
        {
            return language.Pick("抱歉，没看懂这个周期。" + problem.Chinese, "Sorry, I did not understand that cycle. " + problem.English);
        }
        if (command.Rule is { Kind: CycleKind.Once } once && once.Dates.FirstOrDefault(d => d < hours.LocalDay(time.GetUtcNow())) is var past && past != default)
        {
            return language.Pick($"抱歉，截止日期 {past:yyyy-MM-dd} 已经过去，请写今天或以后的日期。", $"Sorry, {past:yyyy-MM-dd} has already passed; please give today or a later date.");
        }
        await cycles.SetAsync(command.Measure, command.Rule, cancellationToken);
        scheduler.Wake(); // plan the new deadlines now, also when the poller sleeps until working hours
        var rule = schedule.Rule(command.Measure);
        var next = schedule.Current(command.Measure, time.GetUtcNow());
        return language.Pick(
            $"已{(command.Rule is null ? "恢复" : "设置")}第 {command.Measure} 项措施的汇报周期：{rule.Describe(language)}。当前汇报期 {next.Period}，截止 {hours.Format(next.DueAt)}（北京时间）。",
            $"Measure {command.Measure} now reports {rule.Describe(language)}{(command.Rule is null ? " (the configured default)" : "")}. Current period {next.Period}, due {hours.Format(next.DueAt)} Beijing time.");
    }

    public string DescribeCycle(int measure, Language language)
    {
        if (registry.Find(measure) is null)
        {
            return language.Pick($"分工方案共有 {MeasureRegistry.MeasureCount} 项措施，没有第 {measure} 项。", $"The plan has {MeasureRegistry.MeasureCount} measures; there is no measure {measure}.");
        }
        var current = schedule.Current(measure, time.GetUtcNow());
        return language.Pick(
            $"第 {measure} 项措施的汇报周期：{schedule.Rule(measure).Describe(language)}。当前汇报期 {current.Period}，截止 {hours.Format(current.DueAt)}（北京时间）。\n\n"
                + $"更改：{CycleParser.Example.Replace(" 8 ", $" {measure} ", StringComparison.Ordinal)}（周期可写月度、季度、半年或一次）；恢复配置：提醒周期 {measure} 默认。",
            $"Measure {measure} reports {schedule.Rule(measure).Describe(language)}. Current period {current.Period}, due {hours.Format(current.DueAt)} Beijing time.\n\n"
                + $"To change it: reminder cycle {measure} quarterly 25th 17:00 (monthly, quarterly, half-yearly or once); back to the configuration: reminder cycle {measure} default.");
    }

    private static string StepLabel(string step, Language language) =>
        ReminderSteps.IsSnooze(step) ? language.Pick("稍后提醒", "snoozed")
        : ReminderSteps.IsManual(step) ? language.Pick("手动提醒", "manual")
        : step == ReminderSteps.Summary ? "T+1" : step;
}
