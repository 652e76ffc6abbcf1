using GiBot.Overview;
using GiBot.Reminders;
using GiBot.Reminders.Schedule;
using GiBot.Storage;
using GiBot.Updates;

namespace GiBot.Tests.Overview;

/// <summary>The red/amber/green rule: major issue, completion, overdue, blocked, due within N working days.</summary>
public sealed class RagRuleTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // The November period: due Wednesday 2026-11-25 17:00 Beijing time.
    private static readonly ReportingWindow November = new(9, "2026-11",
        new DateTimeOffset(2026, 11, 1, 0, 0, 0, Beijing).ToUniversalTime(), new DateTimeOffset(2026, 11, 25, 17, 0, 0, Beijing).ToUniversalTime());

    private readonly RagRule _rule = new(new OverviewOptions(null, null, TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), 3),
        WorkingDayCalendar.LoadEmbedded(), new UpdateOptions(TimeSpan.FromDays(1), Beijing));

    private static DateTimeOffset At(int day, int hour) => new(2026, 11, day, hour, 0, 0, Beijing);

    private static ProgressReport Report(string status, bool major = false, string period = "2026-11") =>
        new(9, "执法稽查科", period, status, 50, "进展", null, null, major, major ? "问题" : null, null);

    [Fact]
    public void A_major_issue_is_red_even_when_reported_on_time_or_completed()
    {
        Assert.Equal(RagMark.Red, _rule.Evaluate(Report(UpdateStatus.InProgress, major: true), true, November, At(2, 9)));
        Assert.Equal(RagMark.Red, _rule.Evaluate(Report(UpdateStatus.Completed, major: true), true, November, At(2, 9)));
    }

    [Fact]
    public void Owing_an_earlier_period_past_its_deadline_is_red_even_with_this_periods_report()
    {
        Assert.Equal(RagMark.Red, _rule.Evaluate(Report(UpdateStatus.InProgress), true, November, At(2, 9), owesOverdueEarlierPeriod: true));
        Assert.Equal(RagMark.Green, _rule.Evaluate(Report(UpdateStatus.InProgress), true, November, At(2, 9), owesOverdueEarlierPeriod: false));
    }

    [Fact]
    public void Overdue_without_a_report_is_red_but_a_completed_measure_is_not_asked_again()
    {
        Assert.Equal(RagMark.Red, _rule.Evaluate(null, false, November, At(25, 18)));
        Assert.Equal(RagMark.Red, _rule.Evaluate(Report(UpdateStatus.InProgress, period: "2026-10"), false, November, At(26, 9)));
        Assert.Equal(RagMark.Green, _rule.Evaluate(Report(UpdateStatus.Completed, period: "2026-10"), false, November, At(26, 9)));
    }

    [Fact]
    public void The_deadline_minute_itself_is_not_yet_overdue()
    {
        Assert.Equal(RagMark.Amber, _rule.Evaluate(null, false, November, At(25, 17)));
        Assert.Equal(RagMark.Red, _rule.Evaluate(null, false, November, At(25, 17).AddSeconds(1)));
    }

    [Fact]
    public void Blocked_is_amber_whether_or_not_reported()
    {
        Assert.Equal(RagMark.Amber, _rule.Evaluate(Report(UpdateStatus.Blocked), true, November, At(2, 9)));
        Assert.Equal(RagMark.Amber, _rule.Evaluate(Report(UpdateStatus.Blocked, period: "2026-10"), false, November, At(2, 9)));
    }

    [Fact]
    public void Not_reported_turns_amber_three_working_days_before_the_deadline()
    {
        // 11-25 (Wed) minus 3 working days is Friday 11-20: the weekend does not count.
        Assert.Equal(RagMark.Green, _rule.Evaluate(null, false, November, At(19, 23)));
        Assert.Equal(RagMark.Amber, _rule.Evaluate(null, false, November, At(20, 0)));
        Assert.Equal(RagMark.Green, _rule.Evaluate(Report(UpdateStatus.InProgress), true, November, At(24, 9)));
    }

    [Fact]
    public void Working_days_not_calendar_days_decide_due_soon()
    {
        // Due Monday 11-30: three working days before is Wednesday 11-25, five calendar days before.
        var monday = November with { DueAt = new DateTimeOffset(2026, 11, 30, 17, 0, 0, Beijing).ToUniversalTime() };
        Assert.True(_rule.IsDueSoon(monday, At(25, 10)));
        Assert.False(_rule.IsDueSoon(monday, At(24, 23)));
    }

    [Fact]
    public void A_measure_takes_the_most_urgent_mark_of_its_units()
    {
        Assert.Equal(RagMark.Red, RagRule.Worst([RagMark.Green, RagMark.Red, RagMark.Amber]));
        Assert.Equal(RagMark.Amber, RagRule.Worst([RagMark.Green, RagMark.Amber]));
        Assert.Equal(RagMark.Green, RagRule.Worst([]));
    }
}
