using System.Text;
using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Measures.Cards;
using GiBot.Measures.Registry;
using GiBot.Storage;
using GiBot.Updates;

namespace GiBot.Reminders;

/// <summary>
/// The reminder digest (cards/reminder-digest.json): one card per person and rung listing every measure still owing,
/// one row each (cards/reminder-row.json) with its unit, period, deadline and the buttons for that row
/// (cards/reminder-row-actions.json: 立即填报, 本期无新进展, 稍后提醒 as cards/reminder-snooze-choices.json or, in a long digest, cards/reminder-snooze-later.json), or, for a unit head, the liaisons to follow up with.
/// A digest of one reads as the single reminder it is.
/// </summary>
public sealed class ReminderCards(MeasureRegistry registry, ReminderOptions options, WorkingHours hours, SnoozeTime snoozeTime)
{
    /// <summary>
    /// Up to this many rows, each row's 稍后提醒 offers later today or tomorrow (tomorrow only when that is still before the
    /// deadline, <see cref="SnoozeTime.Fits"/>); beyond, later today only.
    /// </summary>
    public const int RoomyRows = 8;

    public AdaptiveCard Digest(IReadOnlyList<DigestRow> rows, DateTimeOffset now, string? lateNote, Language language)
    {
        var overdue = rows.Any(r => r.Window.IsOverdueAt(now));
        var notes = new List<JsonNode>();
        if (lateNote is not null)
        {
            notes.Add(Note(lateNote));
        }
        notes.Add(Note(rows.All(r => r.ForHead)
            ? language.Pick("单位提交本期汇报后不会再收到本期提醒。", "Once your unit reports this period you get no more reminders for it.")
            : language.Pick("本期已提交汇报后不会再收到本期提醒。", "Once this period is reported you get no more reminders for it.")));
        var values = new CardValues()
            .Set("lang", MeasureCards.LangCode(language))
            .Set("heading", Heading(rows, overdue, language))
            .Set("color", overdue ? "Attention" : "Accent")
            .Set("intro", Intro(rows, overdue, language))
            .Set("rows", rows.Select(r => (JsonNode)Row(r, rows.Count, OneUnit(rows), now, language)))
            .Set("notes", notes);
        return new AdaptiveCard(CardTemplate.Get("reminder-digest").FillObject(values));
    }

    /// <summary>The message text beside the card (what clients without cards show): every row, one line each.</summary>
    public string Text(IReadOnlyList<DigestRow> rows, DateTimeOffset now, string? lateNote, Language language)
    {
        var text = new StringBuilder(Intro(rows, rows.Any(r => r.Window.IsOverdueAt(now)), language));
        foreach (var row in rows)
        {
            var plan = row.Plan;
            var unit = UpdateLabels.Unit(registry, plan.UnitId, language);
            var deadline = hours.Format(row.Window.DueAt);
            text.Append("\n- ").Append(row.Window.IsOverdueAt(now)
                ? language.Pick($"第 {plan.Measure} 项（{unit}，{plan.Period}）：已于 {deadline} 截止，逾期未报", $"Measure {plan.Measure} ({unit}, {plan.Period}): overdue since {deadline}")
                : language.Pick($"第 {plan.Measure} 项（{unit}，{plan.Period}）：{deadline} 前填报", $"Measure {plan.Measure} ({unit}, {plan.Period}): due {deadline}"));
            if (row.LateLiaisons is { } liaisons)
            {
                text.Append(language.Pick("；", "; ")).Append(FollowUp(row, liaisons, language));
            }
        }
        var first = rows[0].Plan.Measure;
        if (!rows.All(r => r.ForHead))
        {
            text.Append("\n\n").Append(rows.Count == 1
                ? language.Pick($"发送“汇报第{first}项”即可填报。", $"Send \"update {first}\" to report.")
                : language.Pick($"发送“汇报第N项”即可填报，例如“汇报第{first}项”。", $"Send \"update N\" to report, e.g. \"update {first}\"."));
        }
        return lateNote is null ? text.ToString() : text.Append("\n\n").Append(lateNote).ToString();
    }

    /// <summary>A row; only a digest of one quotes the measure's text (19 excerpts would make the card long and heavy).</summary>
    /// <remarks>When every row is for one unit, the introduction names it and the rows do not repeat it.</remarks>
    private JsonObject Row(DigestRow row, int count, bool oneUnit, DateTimeOffset now, Language language)
    {
        var plan = row.Plan;
        var overdue = row.Window.IsOverdueAt(now);
        var measure = registry.Find(plan.Measure);
        var deadline = hours.Format(row.Window.DueAt);
        var values = new CardValues()
            .Set("title", oneUnit
                ? language.Pick($"第 {plan.Measure} 项", $"Measure {plan.Measure}")
                : language.Pick($"第 {plan.Measure} 项 · {UpdateLabels.Unit(registry, plan.UnitId, language)}", $"Measure {plan.Measure} · {UpdateLabels.Unit(registry, plan.UnitId, language)}"))
            .Set("color", overdue ? "Attention" : "Default")
            .Set("detail", overdue
                ? language.Pick($"汇报期 {plan.Period} · 已于 {deadline} 截止，逾期未报", $"Period {plan.Period} · overdue since {deadline}")
                : language.Pick($"汇报期 {plan.Period} · 截止 {deadline}", $"Period {plan.Period} · due {deadline}"))
            .Set("measureText", measure is null || count > 1 ? null : Text(measure.Text, measure.SummaryEn, language))
            .Set("footer", row.LateLiaisons is { } liaisons ? Note(FollowUp(row, liaisons, language)) : Actions(row, count <= RoomyRows && snoozeTime.Fits(ReminderVerbs.UntilTomorrow, now, row.Window.DueAt), language));
        return CardTemplate.Get("reminder-row").FillObject(values);
    }

    private JsonObject Actions(DigestRow row, bool withTomorrow, Language language)
    {
        var plan = row.Plan;
        var values = new CardValues()
            .Set("reportTitle", language.Pick("立即填报", "Report now"))
            .Set("reportData", UpdateVerbs.StartData(plan.Measure, language, plan.UnitId, plan.Period))
            .Set("noChangeTitle", language.Pick("本期无新进展", "No news this period"))
            .Set("noChangeData", ReminderVerbs.NoChangeData(plan, language))
            .Set("snooze", Snooze(plan, withTomorrow, language));
        return CardTemplate.Get("reminder-row-actions").FillObject(values);
    }

    /// <summary>
    /// 稍后提醒: the choice of later today or tomorrow morning when the digest has room and tomorrow morning is before the
    /// deadline; otherwise one button for later today (in a long digest, more than <see cref="RoomyRows"/> rows, it keeps 19 rows
    /// well within Teams' card size).
    /// </summary>
    private JsonObject Snooze(ReminderPlan plan, bool withTomorrow, Language language)
    {
        var hoursLater = $"{options.Snooze.TotalHours:0.#}";
        var values = new CardValues()
            .Set("snoozeHoursData", ReminderVerbs.SnoozeData(plan, ReminderVerbs.UntilLater, language));
        if (!withTomorrow)
        {
            return CardTemplate.Get("reminder-snooze-later").FillObject(values
                .Set("snoozeHoursTitle", language.Pick($"{hoursLater} 小时后提醒", $"Remind me in {hoursLater} h")));
        }
        return CardTemplate.Get("reminder-snooze-choices").FillObject(values
            .Set("snoozeTitle", language.Pick("稍后提醒", "Remind me later"))
            .Set("snoozeHint", language.Pick("什么时候再提醒您？", "When should I remind you again?"))
            .Set("snoozeHoursTitle", language.Pick($"{hoursLater} 小时后", $"In {hoursLater} hours"))
            .Set("snoozeTomorrowTitle", language.Pick($"明天 {Clock(options.SnoozeTomorrowAt)}", $"Tomorrow {Clock(options.SnoozeTomorrowAt)}"))
            .Set("snoozeTomorrowData", ReminderVerbs.SnoozeData(plan, ReminderVerbs.UntilTomorrow, language)));
    }

    /// <summary>What a head is asked to do for one row: whom to contact, by name (as the roster spells it, not as Markdown).</summary>
    private string FollowUp(DigestRow row, IReadOnlyList<string> liaisons, Language language)
    {
        var names = liaisons.Select(MarkdownText.Literal).ToArray();
        var unit = UpdateLabels.Unit(registry, row.Plan.UnitId, language);
        var measure = row.Plan.Measure;
        return liaisons.Count == 0
            ? language.Pick($"{unit}在机器人中没有登记联络员：请指定专人发送“汇报第{measure}项”填报，或请知识产权保护科登记联络员。",
                $"{unit} has no liaison registered with the bot: please ask someone in the unit to send \"update {measure}\", or ask the IP Protection Section to register a liaison.")
            : language.Pick($"尚未填报的联络员：{string.Join("、", names)}。请督促其尽快发送“汇报第{measure}项”填报。",
                $"Liaison(s) who have not reported: {string.Join(", ", names)}. Please ask them to send \"update {measure}\" soon.");
    }

    private static bool OneUnit(IReadOnlyList<DigestRow> rows) => rows.All(r => r.Plan.UnitId == rows[0].Plan.UnitId);

    private static string Heading(IReadOnlyList<DigestRow> rows, bool overdue, Language language)
    {
        var plan = rows[0].Plan;
        var what = rows.Count == 1
            ? language.Pick($"第 {plan.Measure} 项措施", $"measure {plan.Measure}")
            : language.Pick($"{rows.Count} 项措施", $"{rows.Count} measures");
        return overdue ? language.Pick($"逾期未报 · {what}", $"Overdue · {what}")
            : rows.All(r => r.ForHead) ? language.Pick($"督办提醒 · {what}", $"Follow-up reminder · {what}")
            : rows.Any(r => ReminderSteps.IsManual(r.Plan.Step)) ? language.Pick($"管理员提醒 · {what}", $"Nudge from the administrators · {what}")
            : language.Pick($"进展汇报提醒 · {what}", $"Progress update reminder · {what}");
    }

    private string Intro(IReadOnlyList<DigestRow> rows, bool overdue, Language language)
    {
        var units = string.Join(language.Pick("、", ", "), rows.Select(r => r.Plan.UnitId).Distinct(StringComparer.Ordinal).Select(u => UpdateLabels.Unit(registry, u, language)));
        if (rows.All(r => r.ForHead))
        {
            return overdue
                ? language.Pick($"{units}：以下措施本期逾期未报，请督促联络员尽快填报（时间均为北京时间）：", $"{units}: these measures are overdue; please follow up with the liaisons named (times are Beijing time):")
                : language.Pick($"{units}：以下措施本期尚未汇报，截止在即，请督促联络员按时填报（时间均为北京时间）：", $"{units}: these measures are not yet reported and due soon; please follow up with the liaisons named (times are Beijing time):");
        }
        var who = OneUnit(rows) ? units + language.Pick("：", ": ") : "";
        return rows.Count == 1
            ? overdue
                ? language.Pick($"{who}这项措施本期的进展已逾期未报，请尽快填报（时间为北京时间）：", $"{who}the update on this measure is overdue; please report it now (times are Beijing time):")
                : language.Pick($"{who}这项措施本期的进展尚未填报，请在截止时间前填报（时间为北京时间）：", $"{who}the update on this measure is not yet reported; please report it before the deadline (Beijing time):")
            : overdue
                ? language.Pick($"{who}以下 {rows.Count} 项措施本期的进展尚未填报（含逾期），请逐项填报（时间均为北京时间）：", $"{who}these {rows.Count} measures have not been reported for this period (some are overdue); please report each (times are Beijing time):")
                : language.Pick($"{who}以下 {rows.Count} 项措施本期的进展尚未填报，请在截止时间前逐项填报（时间均为北京时间）：", $"{who}these {rows.Count} measures have not been reported for this period; please report each before its deadline (times are Beijing time):");
    }

    private static JsonObject Text(string chinese, string english, Language language) =>
        CardTemplate.Get("reminder-text").FillObject(new CardValues().Set("text", Excerpt(language == Language.English ? english : chinese)));

    private static string Excerpt(string text) => GiBot.Localization.TextCut.Cut(text, 160, "…");

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Note(string text) => CardTemplate.Get("reminder-note").FillObject(new CardValues().Set("text", text));
}
