using System.Globalization;
using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Reminders.Schedule;
using GiBot.Storage;

namespace GiBot.Updates;

/// <summary>The outcome of checking a draft: the report when valid, otherwise one message per field.</summary>
public sealed record UpdateValidation(ProgressReport? Report, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Report is not null;
}

/// <summary>
/// The server-side rules of an update, the same for the card and the one-line text: every problem is
/// reported against its field, in the user's language, and says what to do.
/// </summary>
public sealed class UpdateValidator(MeasureRegistry registry, IReportingSchedule schedule, TimeProvider time)
{
    public async Task<UpdateValidation> ValidateAsync(UpdateDraft draft, UpdateCaller caller, Language language, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Fail(string field, string chinese, string english) => errors.TryAdd(field, language.Pick(chinese, english));

        var measure = draft.MeasureNumber;
        if (draft.Measure is null)
        {
            Fail(UpdateFields.Measure, "请选择要汇报的措施。", "Please choose the measure you are reporting on.");
        }
        else if (measure is null || registry.Find(measure.Value) is null)
        {
            Fail(UpdateFields.Measure, $"分工方案共有 {MeasureRegistry.MeasureCount} 项措施，请选择第 1 至 {MeasureRegistry.MeasureCount} 项中的一项。",
                $"The plan has {MeasureRegistry.MeasureCount} measures; please choose one from 1 to {MeasureRegistry.MeasureCount}.");
        }
        else if (caller.MeasureRefusal(measure.Value, registry, language) is { } notYours)
        {
            errors[UpdateFields.Measure] = notYours;
        }
        if (draft.UnitId is null)
        {
            Fail(UpdateFields.Unit, "请选择汇报单位。", "Please choose the reporting unit.");
        }
        else if (measure is not null && !errors.ContainsKey(UpdateFields.Measure))
        {
            var decision = await caller.Roster.CanReportAsync(caller.AadObjectId, measure.Value, draft.UnitId, cancellationToken);
            if (!decision.Allowed)
            {
                Fail(UpdateFields.Unit,
                    decision.ReasonChinese ?? $"{MarkdownText.Literal(draft.UnitId)}不负责第 {measure} 项措施，或您不能代表该单位汇报。请选择本单位负责的措施。",
                    decision.ReasonEnglish ?? $"{MarkdownText.Literal(draft.UnitId)} is not responsible for measure {measure}, or you may not report for it. Please choose a measure your unit owns.");
            }
        }
        // The period must be one of the measure's (2026-11, 2026-Q4, 2026-H2 or a one-off date, by its cycle).
        if (draft.Period is null || (measure is { } m && registry.Find(m) is not null && schedule.Find(m, draft.Period) is null))
        {
            var example = schedule.Current(measure ?? 0, time.GetUtcNow()).Period;
            Fail(UpdateFields.Period, $"请按 {example} 的格式填写汇报期。", $"Please write the reporting period like {example}.");
        }
        if (!UpdateStatus.IsKnown(draft.Status))
        {
            Fail(UpdateFields.Status, "请选择进展状态：未启动、推进中、已完成或受阻。", "Please choose a status: not started, in progress, completed or blocked.");
        }
        int? percent = null;
        if (draft.Percent is not null)
        {
            if (decimal.TryParse(draft.Percent.TrimEnd('%', '％'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                && value is >= 0 and <= 100 && value == decimal.Truncate(value))
            {
                percent = (int)value;
            }
            else
            {
                Fail(UpdateFields.Percent, "完成进度请填写 0 到 100 之间的整数。", "Please enter the completion as a whole number from 0 to 100.");
            }
        }
        if (draft.Progress is null)
        {
            Fail(UpdateFields.Progress, "请填写工作进展（必填）。", "Please describe the progress (required).");
        }
        CheckLength(UpdateFields.Progress, draft.Progress);
        CheckLength(UpdateFields.Problems, draft.Problems);
        CheckLength(UpdateFields.NextSteps, draft.NextSteps);
        if (draft.MajorIssue && draft.MajorIssueDescription is null)
        {
            Fail(UpdateFields.MajorIssueDescription, "已勾选“重大问题”，请说明问题的具体情况。", "You marked a major issue; please describe it.");
        }
        else if (!draft.MajorIssue && draft.MajorIssueDescription is not null)
        {
            // Kept as typed, it would be dropped on submit and nobody alerted: ask which was meant.
            Fail(UpdateFields.MajorIssueDescription, "填写了重大问题说明，但没有勾选“重大问题”。请勾选“重大问题”（将提醒科室负责人），或清空说明。",
                "You described a major issue but did not mark it. Tick “Major issue” (the leads are alerted), or clear the description.");
        }
        CheckLength(UpdateFields.MajorIssueDescription, draft.MajorIssueDescription);
        if (draft.EvidenceUrl is not null && !IsWebLink(draft.EvidenceUrl))
        {
            Fail(UpdateFields.EvidenceUrl, "佐证材料链接须以 http:// 或 https:// 开头，例如 https://example.gov.cn/file 。",
                "The evidence link must start with http:// or https://, e.g. https://example.gov.cn/file.");
        }
        CheckLength(UpdateFields.EvidenceUrl, draft.EvidenceUrl);

        if (errors.Count > 0)
        {
            return new UpdateValidation(null, errors);
        }
        return new UpdateValidation(new ProgressReport(measure!.Value, draft.UnitId!, draft.Period!, draft.Status!, percent, draft.Progress!,
            draft.Problems, draft.NextSteps, draft.MajorIssue, draft.MajorIssue ? draft.MajorIssueDescription : null, draft.EvidenceUrl), errors);

        void CheckLength(string field, string? text)
        {
            if (text is not null && text.Length > UpdateOptions.MaxTextLength)
            {
                Fail(field, $"最多 {UpdateOptions.MaxTextLength} 字，现有 {text.Length} 字，请精简后再提交（表单只显示前 {UpdateOptions.MaxTextLength} 字）。",
                    $"At most {UpdateOptions.MaxTextLength} characters; this has {text.Length}. Please shorten it (the form shows the first {UpdateOptions.MaxTextLength}).");
            }
        }
    }

    private static bool IsWebLink(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host);
}
