using GiBot.Localization;
using GiBot.Reminders.Schedule;

namespace GiBot.Reminders.Teams;

/// <summary>What the person who pressed 稍后提醒 is told: when they will be reminded, and how that stands to the deadline.</summary>
public static class SnoozeReplies
{
    public static string Set(SnoozeDecision decision, ReportingWindow window, WorkingHours hours, Language language)
    {
        var measure = window.Measure;
        var at = hours.Format(decision.At!.Value);
        var deadline = hours.Format(window.DueAt);
        return decision.Outcome switch
        {
            SnoozeOutcome.MovedBeforeDeadline => language.Pick(
                $"您选的时间（{hours.Format(decision.Chosen)}）晚于第 {measure} 项本期（{window.Period}）的截止时间 {deadline}，已改为 {at}（北京时间，截止前）再次提醒您。若在此之前已填报，则不再提醒。",
                $"The time you chose ({hours.Format(decision.Chosen)}) is after the deadline of measure {measure} ({window.Period}), {deadline}, so I will remind you at {at} Beijing time instead, before the deadline, unless it is reported by then."),
            SnoozeOutcome.Overdue => language.Pick(
                $"请注意：第 {measure} 项本期（{window.Period}）已于 {deadline} 截止，现已逾期，请尽快补报。将于 {at}（北京时间）再次提醒您；若在此之前已补报，则不再提醒。",
                $"Please note: measure {measure} ({window.Period}) was due {deadline} and is overdue; please report as soon as you can. I will remind you again at {at} Beijing time, unless it is reported by then."),
            _ => language.Pick(
                $"好的，将于 {at}（北京时间）再次提醒您填报第 {measure} 项措施。若在此之前已填报，则不再提醒。",
                $"OK, I will remind you about measure {measure} again at {at} Beijing time, unless it is reported by then."),
        };
    }

    public static string TooNear(int measure, ReportingWindow window, WorkingHours hours, Language language) => language.Pick(
        $"第 {measure} 项本期（{window.Period}）将于 {hours.Format(window.DueAt)}（北京时间）截止，来不及稍后再提醒了，所以没有设置稍后提醒。请现在填报：点“立即填报”，或发送“汇报第{measure}项”。",
        $"Measure {measure} ({window.Period}) is due {hours.Format(window.DueAt)} Beijing time, too soon for a later reminder, so none is set. Please report now: press \"Report now\" or send \"update {measure}\".");
}
