using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Measures.Cards;
using GiBot.Measures.Registry;
using GiBot.Reminders.Schedule;
using GiBot.Storage;
using GiBot.Updates;

namespace GiBot.Reminders;

/// <summary>The reminder card (cards/reminder.json): measure, unit, period, deadline, and the three buttons.</summary>
public sealed class ReminderCards(MeasureRegistry registry, ReminderOptions options, WorkingHours hours)
{
    public AdaptiveCard Reminder(ReminderPlan plan, ReportingWindow window, DateTimeOffset now, string? lateNote, Language language)
    {
        var overdue = window.IsOverdueAt(now);
        var measure = registry.Find(plan.Measure);
        var notes = new List<JsonNode>();
        if (lateNote is not null)
        {
            notes.Add(Note(lateNote));
        }
        notes.Add(Note(language.Pick("本期已提交汇报后不会再收到本期提醒。", "Once this period is reported you get no more reminders for it.")));
        var values = new CardValues()
            .Set("lang", MeasureCards.LangCode(language))
            .Set("heading", Heading(plan, overdue, language))
            .Set("color", overdue ? "Attention" : "Accent")
            .Set("measureText", measure is null ? "" : Excerpt(language == Language.English ? measure.SummaryEn : measure.Text))
            .Set("facts", new JsonNode[]
            {
                Fact(language.Pick("措施", "Measure"), language.Pick($"第 {plan.Measure} 项", $"No. {plan.Measure}")),
                Fact(language.Pick("单位", "Unit"), UpdateLabels.Unit(registry, plan.UnitId, language)),
                Fact(language.Pick("汇报期", "Period"), plan.Period),
                Fact(language.Pick("截止时间", "Deadline"), hours.Format(window.DueAt) + language.Pick("（北京时间）", " (Beijing time)")),
            })
            .Set("notes", notes)
            .Set("reportTitle", language.Pick("立即填报", "Report now"))
            .Set("reportData", UpdateVerbs.StartData(plan.Measure, language, plan.UnitId, plan.Period))
            .Set("snoozeTitle", language.Pick("稍后提醒", "Remind me later"))
            .Set("snoozeHint", language.Pick("什么时候再提醒您？", "When should I remind you again?"))
            .Set("snoozeHoursTitle", language.Pick($"{options.Snooze.TotalHours:0.#} 小时后", $"In {options.Snooze.TotalHours:0.#} hours"))
            .Set("snoozeHoursData", ReminderVerbs.SnoozeData(plan, ReminderVerbs.UntilLater, language))
            .Set("snoozeTomorrowTitle", language.Pick($"明天 {Clock(options.SnoozeTomorrowAt)}", $"Tomorrow {Clock(options.SnoozeTomorrowAt)}"))
            .Set("snoozeTomorrowData", ReminderVerbs.SnoozeData(plan, ReminderVerbs.UntilTomorrow, language))
            .Set("noChangeTitle", language.Pick("本期无新进展", "No news this period"))
            .Set("noChangeData", ReminderVerbs.NoChangeData(plan, language));
        return new AdaptiveCard(CardTemplate.Get("reminder").FillObject(values));
    }

    /// <summary>The message text beside the card (what clients without cards show).</summary>
    public string Text(ReminderPlan plan, ReportingWindow window, DateTimeOffset now, string? lateNote, Language language)
    {
        var deadline = hours.Format(window.DueAt);
        var unit = UpdateLabels.Unit(registry, plan.UnitId, language);
        var text = window.IsOverdueAt(now)
            ? language.Pick($"第 {plan.Measure} 项措施（{unit}，{plan.Period}）的进展已逾期未报，截止时间为 {deadline}。请尽快发送“汇报第{plan.Measure}项”填报。",
                $"The update on measure {plan.Measure} ({unit}, {plan.Period}) is overdue; it was due {deadline} Beijing time. Please send \"update {plan.Measure}\" to report.")
            : language.Pick($"提醒：第 {plan.Measure} 项措施（{unit}，{plan.Period}）的进展请于 {deadline} 前填报。发送“汇报第{plan.Measure}项”即可填报。",
                $"Reminder: the update on measure {plan.Measure} ({unit}, {plan.Period}) is due {deadline} Beijing time. Send \"update {plan.Measure}\" to report.");
        return lateNote is null ? text : text + "\n\n" + lateNote;
    }

    private static string Heading(ReminderPlan plan, bool overdue, Language language) => overdue
        ? language.Pick($"逾期未报 · 第 {plan.Measure} 项措施", $"Overdue · measure {plan.Measure}")
        : ReminderSteps.IsManual(plan.Step)
            ? language.Pick($"管理员提醒 · 第 {plan.Measure} 项措施", $"Nudge from the administrators · measure {plan.Measure}")
            : language.Pick($"进展汇报提醒 · 第 {plan.Measure} 项措施", $"Progress update reminder · measure {plan.Measure}");

    private static string Excerpt(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Note(string text) => CardTemplate.Get("reminder-note").FillObject(new CardValues().Set("text", text));

    private static JsonObject Fact(string title, string value) =>
        CardTemplate.Get("reminder-fact").FillObject(new CardValues().Set("title", title).Set("value", value));
}
