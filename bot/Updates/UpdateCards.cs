using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Measures.Cards;
using GiBot.Measures.Registry;
using GiBot.Reminders.Schedule;
using GiBot.Storage;

namespace GiBot.Updates;

/// <summary>Builds the update dialog's Adaptive Cards (1.5) from the update-*.json templates in cards/.</summary>
public sealed class UpdateCards(MeasureRegistry registry, UpdateOptions options, IReportingSchedule schedule, TimeProvider time)
{
    private const int ExcerptLength = 300;

    private static readonly string[] TextFields = [UpdateFields.Progress, UpdateFields.Problems, UpdateFields.NextSteps];

    public AdaptiveCard Form(UpdateDraft draft, UpdateFormContext context, IReadOnlyDictionary<string, string> errors, Language language)
    {
        var fields = new List<JsonNode>();
        void Add(JsonNode input, string field)
        {
            fields.Add(input);
            if (errors.TryGetValue(field, out var error))
            {
                fields.Add(Fragment("update-field-error", new CardValues().Set("text", "⚠ " + error)));
            }
        }

        if (draft.MeasurePreset || draft.IsCorrection)
        {
            Add(Fixed(UpdateFields.Measure, MeasureText(draft.MeasureNumber, language), language), UpdateFields.Measure);
        }
        else
        {
            Add(Choice(UpdateFields.Measure, context.Measures.Select(n => registry.Find(n)).OfType<Measure>()
                .Select(m => (UpdateLabels.MeasureChoice(m, language), m.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))), draft.Measure, language), UpdateFields.Measure);
        }
        if (draft.IsCorrection || context.Units.Count <= 1)
        {
            Add(Fixed(UpdateFields.Unit, draft.UnitId is null ? "—" : UpdateLabels.Unit(registry, draft.UnitId, language), language), UpdateFields.Unit);
        }
        else
        {
            Add(Choice(UpdateFields.Unit, context.Units.Select(u => (UpdateLabels.Unit(registry, u, language), u)), draft.UnitId, language), UpdateFields.Unit);
        }
        if (context.CanEditPeriod)
        {
            var example = schedule.Current(draft.MeasureNumber ?? 0, time.GetUtcNow()).Period;
            Add(Text(UpdateFields.Period, language.Pick($"汇报期（如 {example}，仅管理员可修改）", $"Reporting period (e.g. {example}; only admins may change it)"),
                example, draft.Period, multiline: false, required: true, style: "text", language), UpdateFields.Period);
        }
        else
        {
            Add(Fixed(UpdateFields.Period, draft.Period ?? "—", language), UpdateFields.Period);
        }
        Add(Choice(UpdateFields.Status, UpdateStatus.All.Select(s => (UpdateStatus.Label(s, language), s)), draft.Status, language), UpdateFields.Status);
        Add(Fragment("update-input-number", new CardValues()
            .Set("id", UpdateFields.Percent)
            .Set("label", UpdateLabels.Field(UpdateFields.Percent, language))
            .Set("placeholder", UpdateLabels.Placeholder(UpdateFields.Percent, language))
            .Set("value", decimal.TryParse(draft.Percent, System.Globalization.CultureInfo.InvariantCulture, out var percent) ? JsonValue.Create(percent) : null)), UpdateFields.Percent);
        foreach (var field in TextFields)
        {
            var required = field == UpdateFields.Progress;
            Add(Text(field, UpdateLabels.TextInputLabel(field, required, language), UpdateLabels.Placeholder(field, language),
                Value(draft, field), multiline: true, required, "text", language), field);
        }
        Add(Fragment("update-input-toggle", new CardValues()
            .Set("id", UpdateFields.MajorIssue)
            .Set("title", UpdateLabels.MajorIssueToggle(language))
            .Set("value", draft.MajorIssue ? "true" : "false")), UpdateFields.MajorIssue);
        Add(Text(UpdateFields.MajorIssueDescription, UpdateLabels.TextInputLabel(UpdateFields.MajorIssueDescription, false, language),
            UpdateLabels.Placeholder(UpdateFields.MajorIssueDescription, language), draft.MajorIssueDescription, multiline: true, required: false, "text", language), UpdateFields.MajorIssueDescription);
        Add(Text(UpdateFields.EvidenceUrl, language.Pick("佐证材料链接（选填，须以 http:// 或 https:// 开头）", "Evidence link (optional, must start with http:// or https://)"),
            UpdateLabels.Placeholder(UpdateFields.EvidenceUrl, language), draft.EvidenceUrl, multiline: false, required: false, "Url", language), UpdateFields.EvidenceUrl);

        var heading = draft.IsCorrection
            ? language.Pick($"修改进展汇报 · 第 {draft.Measure} 项措施", $"Correct progress update · measure {draft.Measure}")
            : draft.MeasureNumber is { } n && (draft.MeasurePreset || registry.Find(n) is not null)
                ? language.Pick($"进展汇报 · 第 {n} 项措施", $"Progress update · measure {n}")
                : language.Pick("进展汇报", "Progress update");
        var hint = errors.Count > 0
            ? language.Pick($"有 {errors.Count} 处需要修改，请查看红色提示。已填写的内容都已保留。", $"{errors.Count} field(s) need attention; see the red notes. Everything you typed is kept.")
            : language.Pick("填写后点击“预览”，确认无误再提交。草稿会自动保存，换设备或稍后发送“汇报进展”可继续填写。",
                "Fill in and select Preview, then confirm. The draft is saved, so you can continue later or on another device by sending \"update\".");
        return Card("update-form", new CardValues()
            .Set("lang", MeasureCards.LangCode(language))
            .Set("heading", heading)
            .Set("hint", hint)
            .Set("fields", fields)
            .Set("actions", new[]
            {
                Action(language.Pick("预览", "Preview"), UpdateVerbs.DraftData(UpdateVerbs.Preview, draft.DraftId, language), "positive", "auto"),
                Action(language.Pick("取消", "Cancel"), UpdateVerbs.DraftData(UpdateVerbs.Cancel, draft.DraftId, language), null, "none"),
            }));
    }

    public AdaptiveCard Preview(UpdateDraft draft, ProgressReport report, Language language) =>
        Summary(
            draft.IsCorrection ? language.Pick("请确认修改后的进展汇报", "Please confirm the corrected update") : language.Pick("请确认进展汇报", "Please confirm your progress update"),
            language.Pick("确认无误后点击“确认提交”；需要改动请点“返回修改”。", "Select Confirm to submit, or Back to edit to change anything."),
            report, null, language,
            [
                Action(language.Pick("确认提交", "Confirm and submit"), UpdateVerbs.DraftData(UpdateVerbs.Submit, draft.DraftId, language), "positive", "none"),
                Action(language.Pick("返回修改", "Back to edit"), UpdateVerbs.DraftData(UpdateVerbs.Edit, draft.DraftId, language), null, "none"),
                Action(language.Pick("取消", "Cancel"), UpdateVerbs.DraftData(UpdateVerbs.Cancel, draft.DraftId, language), null, "none"),
            ]);

    /// <summary>The read-only card that replaces the dialog once submitted; offers 修改 while the correction window is open.</summary>
    public AdaptiveCard Receipt(ProgressUpdate update, bool canCorrect, Language language)
    {
        var heading = update.Version > 1
            ? language.Pick($"✅ 已提交修改（第 {update.Version} 版）", $"✅ Correction submitted (version {update.Version})")
            : language.Pick("✅ 进展汇报已提交", "✅ Progress update submitted");
        var detail = language.Pick(
            $"{Submitter(update)} 于 {UpdateLabels.Time(update.SubmittedAt, options)} 提交。" + (canCorrect ? $"提交后 {Hours()} 小时内可点击“修改”更正。" : ""),
            $"Submitted by {Submitter(update)} at {UpdateLabels.Time(update.SubmittedAt, options)}." + (canCorrect ? $" You can correct it within {Hours()} hours of submitting." : ""));
        JsonNode[] actions = canCorrect ? [Action(language.Pick("修改", "Correct"), UpdateVerbs.CorrectData(update.UpdateId, language), null, "none")] : [];
        return Summary(heading, detail, update.Report, update, language, actions);
    }

    public AdaptiveCard Notice(string heading, string detail, IEnumerable<(string Title, JsonObject Data)> choices, Language language) =>
        Card("update-summary", new CardValues()
            .Set("lang", MeasureCards.LangCode(language))
            .Set("heading", heading)
            .Set("detail", detail)
            .Set("blocks", Array.Empty<JsonNode>())
            .Set("actions", choices.Select(c => Action(c.Title, c.Data, null, "none"))));

    /// <summary>The latest update of each unit for a measure, newest first, and what was left out (<paramref name="more"/>).</summary>
    public AdaptiveCard History(int measure, IReadOnlyList<(ProgressUpdate Update, int Versions)> entries, string? more, Language language)
    {
        var blocks = entries.Select(e => (JsonNode)Fragment("update-history-entry", new CardValues()
            .Set("title", $"{UpdateLabels.Unit(registry, e.Update.Report.UnitId, language)} · {e.Update.Report.Period}")
            .Set("status", StatusLine(e.Update.Report, language))
            .Set("progress", Excerpt(e.Update.Report.Progress, language))
            .Set("meta", Meta(e.Update, e.Versions, language)))).ToList();
        if (more is not null)
        {
            blocks.Add(Fragment("update-note", new CardValues().Set("text", more)));
        }
        return Card("update-summary", new CardValues()
            .Set("lang", MeasureCards.LangCode(language))
            .Set("heading", language.Pick($"第 {measure} 项措施 · 最新进展", $"Measure {measure} · latest updates"))
            .Set("detail", language.Pick("每个单位最近一次汇报，按提交时间由新到旧。", "Each unit's latest update, newest first."))
            .Set("blocks", blocks)
            .Set("actions", new[] { Action(language.Pick("汇报本项进展", "Report on this measure"), UpdateVerbs.StartData(measure, language), null, "none") }));
    }

    public string StatusLine(ProgressReport report, Language language) =>
        $"{UpdateLabels.Field(UpdateFields.Status, language)}{Colon(language)}{UpdateStatus.Label(report.Status, language)} · {UpdateLabels.Field(UpdateFields.Percent, language)}{Colon(language)}{UpdateLabels.Percent(report.PercentComplete)}"
        + (report.MajorIssue ? language.Pick(" · ⚠ 重大问题", " · ⚠ major issue") : "");

    /// <summary>The colon between a label and its value: full-width in Chinese, ": " in English.</summary>
    public static string Colon(Language language) => language.Pick("：", ": ");

    /// <summary>Who submitted and when, as Markdown (the name shows as typed).</summary>
    public string Meta(ProgressUpdate update, int versions, Language language) =>
        $"{Submitter(update)} · {UpdateLabels.Time(update.SubmittedAt, options)}"
        + (versions > 1 ? language.Pick($" · 已修改，共 {versions} 个版本", $" · corrected, {versions} versions") : "");

    private AdaptiveCard Summary(string heading, string detail, ProgressReport report, ProgressUpdate? update, Language language, IEnumerable<JsonNode> actions)
    {
        var facts = new List<JsonNode>
        {
            Fact(UpdateLabels.Field(UpdateFields.Measure, language), MeasureText(report.Measure, language)),
            Fact(UpdateLabels.Field(UpdateFields.Unit, language), UpdateLabels.Unit(registry, report.UnitId, language)),
            Fact(UpdateLabels.Field(UpdateFields.Period, language), report.Period),
            Fact(UpdateLabels.Field(UpdateFields.Status, language), UpdateStatus.Label(report.Status, language)),
            Fact(UpdateLabels.Field(UpdateFields.Percent, language), UpdateLabels.Percent(report.PercentComplete)),
            Fact(UpdateLabels.Field(UpdateFields.MajorIssue, language), UpdateLabels.YesNo(report.MajorIssue, language)),
        };
        if (report.EvidenceUrl is not null)
        {
            facts.Add(Fact(UpdateLabels.Field(UpdateFields.EvidenceUrl, language), MarkdownText.Literal(report.EvidenceUrl)));
        }
        if (update is not null)
        {
            facts.Add(Fact(language.Pick("编号", "Reference"), $"{update.UpdateId[^8..]} · v{update.Version}"));
        }
        var blocks = new List<JsonNode> { Fragment("update-facts", new CardValues().Set("facts", facts)) };
        void Section(string field, string? text, string color)
        {
            if (text is not null)
            {
                // The preview shows everything to confirm; the receipt keeps a card of four full fields under Teams' size limit.
                var shown = update is null ? MarkdownText.Literal(text) : Excerpt(text, language);
                blocks.Add(Fragment("update-text-section", new CardValues().Set("label", UpdateLabels.Field(field, language)).Set("text", shown).Set("color", color)));
            }
        }
        Section(UpdateFields.Progress, report.Progress, "Default");
        Section(UpdateFields.Problems, report.Problems, "Default");
        Section(UpdateFields.NextSteps, report.NextSteps, "Default");
        Section(UpdateFields.MajorIssueDescription, report.MajorIssueDescription, "Attention");
        return Card("update-summary", new CardValues()
            .Set("lang", MeasureCards.LangCode(language))
            .Set("heading", heading)
            .Set("detail", detail)
            .Set("blocks", blocks)
            .Set("actions", actions));
    }

    /// <summary>Long texts shortened for read-only cards, saying how long the whole is; Markdown that shows the text as typed.</summary>
    public static string Excerpt(string text, Language language) => MarkdownText.Literal(
        TextCut.Cut(text, ExcerptLength, language.Pick($"…（全文 {text.Length} 字）", $"… ({text.Length} characters in full)")));

    private static string Submitter(ProgressUpdate update) => MarkdownText.Literal(update.SubmittedBy.Name ?? update.SubmittedBy.AadObjectId);

    private string MeasureText(int? number, Language language) =>
        number is { } n && registry.Find(n) is { } measure
            ? $"{MeasureLabels.MeasureTitle(n, language)} — {MeasureLabels.Snippet(measure, language, 30)}"
            : "—";

    private string Hours() => options.CorrectionWindow.TotalHours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Value(UpdateDraft draft, string field) => field switch
    {
        UpdateFields.Progress => draft.Progress,
        UpdateFields.Problems => draft.Problems,
        UpdateFields.NextSteps => draft.NextSteps,
        _ => null,
    };

    private static JsonObject Fixed(string field, string value, Language language) =>
        Fragment("update-fixed-field", new CardValues().Set("text", $"**{UpdateLabels.Field(field, language)}**{language.Pick("：", ": ")}{value}"));

    private static JsonObject Choice(string field, IEnumerable<(string Title, string Value)> choices, string? value, Language language) =>
        Fragment("update-input-choice", new CardValues()
            .Set("id", field)
            .Set("label", UpdateLabels.Field(field, language))
            .Set("placeholder", UpdateLabels.Placeholder(field, language))
            .Set("choices", choices.Select(c => (JsonNode)Fragment("update-choice", new CardValues().Set("title", c.Title).Set("value", c.Value))))
            .Set("value", value is null ? null : JsonValue.Create(value))
            .Set("requiredMessage", UpdateLabels.Placeholder(field, language)));

    private static JsonObject Text(string field, string label, string placeholder, string? value, bool multiline, bool required, string style, Language language) =>
        Fragment("update-input-text", new CardValues()
            .Set("id", field)
            .Set("label", label)
            .Set("placeholder", placeholder)
            .Set("value", value is null ? null : JsonValue.Create(Capped(value)))
            .Set("style", style)
            .Set("multiline", JsonValue.Create(multiline))
            .Set("maxLength", JsonValue.Create(UpdateOptions.MaxTextLength))
            .Set("required", required ? JsonValue.Create(true) : null)
            .Set("requiredMessage", required ? JsonValue.Create(language.Pick($"请填写{UpdateLabels.Field(field, language)}。", $"Please fill in {UpdateLabels.Field(field, language)}.")) : null));

    /// <summary>
    /// Text longer than the field allows is shown cut to its limit (the field's note says how long it was): echoing
    /// 100,000 characters would make a card Teams refuses, and the user could never get back to the form.
    /// </summary>
    private static string Capped(string value) => TextCut.Prefix(value, UpdateOptions.MaxTextLength);

    private static JsonObject Fact(string title, string value) => Fragment("update-fact", new CardValues().Set("title", title).Set("value", value));

    private static JsonObject Action(string title, JsonObject data, string? style, string inputs) =>
        Fragment("update-action", new CardValues()
            .Set("title", title)
            .Set("data", data)
            .Set("style", style is null ? null : JsonValue.Create(style))
            .Set("inputs", inputs));

    private static JsonObject Fragment(string template, CardValues values) => WithoutNulls(CardTemplate.Get(template).FillObject(values));

    private static AdaptiveCard Card(string template, CardValues values) => new(WithoutNulls(CardTemplate.Get(template).FillObject(values)));

    // An absent optional value leaves a null property; the schema wants the property left out instead.
    private static JsonObject WithoutNulls(JsonObject node)
    {
        foreach (var (key, value) in node.ToArray())
        {
            if (value is null)
            {
                node.Remove(key);
            }
            else if (value is JsonObject child)
            {
                WithoutNulls(child);
            }
        }
        return node;
    }
}
