using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Measures.Registry;

namespace GiBot.Updates;

/// <summary>Field labels and fixed phrases of the update dialog, zh-CN first, English when the user writes English.</summary>
public static class UpdateLabels
{
    private static readonly string Max = UpdateOptions.MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Field(string field, Language language) => field switch
    {
        UpdateFields.Measure => language.Pick("措施", "Measure"),
        UpdateFields.Unit => language.Pick("汇报单位", "Reporting unit"),
        UpdateFields.Period => language.Pick("汇报期", "Reporting period"),
        UpdateFields.Status => language.Pick("进展状态", "Status"),
        UpdateFields.Percent => language.Pick("完成进度（%）", "Completion (%)"),
        UpdateFields.Progress => language.Pick("工作进展", "Progress"),
        UpdateFields.Problems => language.Pick("存在问题", "Problems"),
        UpdateFields.NextSteps => language.Pick("下步计划", "Next steps"),
        UpdateFields.MajorIssue => language.Pick("重大问题", "Major issue"),
        UpdateFields.MajorIssueDescription => language.Pick("重大问题说明", "Major issue description"),
        UpdateFields.EvidenceUrl => language.Pick("佐证材料链接", "Evidence link"),
        _ => field,
    };

    /// <summary>The label of a free-text input, saying the limit before it is hit.</summary>
    public static string TextInputLabel(string field, bool required, Language language) => required
        ? language.Pick($"{Field(field, language)}（必填，最多 {Max} 字）", $"{Field(field, language)} (required, up to {Max} characters)")
        : language.Pick($"{Field(field, language)}（选填，最多 {Max} 字）", $"{Field(field, language)} (optional, up to {Max} characters)");

    public static string Placeholder(string field, Language language) => field switch
    {
        UpdateFields.Progress => language.Pick($"本期已完成的工作，最多 {Max} 字", $"What was done this period, up to {Max} characters"),
        UpdateFields.Problems => language.Pick($"遇到的困难或不足，最多 {Max} 字", $"Difficulties or shortfalls, up to {Max} characters"),
        UpdateFields.NextSteps => language.Pick($"下一阶段的安排，最多 {Max} 字", $"Plans for the next period, up to {Max} characters"),
        UpdateFields.MajorIssueDescription => language.Pick($"勾选“重大问题”时必填，最多 {Max} 字", $"Required when a major issue is marked, up to {Max} characters"),
        UpdateFields.EvidenceUrl => "https://",
        UpdateFields.Percent => "0–100",
        UpdateFields.Measure => language.Pick("请选择措施", "Choose a measure"),
        UpdateFields.Unit => language.Pick("请选择汇报单位", "Choose the unit"),
        UpdateFields.Status => language.Pick("请选择状态", "Choose a status"),
        _ => "",
    };

    public static string MajorIssueToggle(Language language) =>
        language.Pick("存在需要领导关注的重大问题（勾选后须填写说明）", "There is a major issue leaders must see (then describe it below)");

    public static string MeasureChoice(Measure measure, Language language) =>
        $"{measure.Number}. {MeasureLabels.Snippet(measure, language, 30)}";

    public static string Unit(MeasureRegistry registry, string unitId, Language language) =>
        registry.FindUnit(unitId) is { } unit ? MeasureLabels.Unit(unit, language) : unitId;

    /// <summary>The unit's name for a sentence: the official Chinese name, or only the English one in English.</summary>
    public static string UnitName(MeasureRegistry registry, string unitId, Language language) =>
        language == Language.English && registry.FindUnit(unitId) is { } unit ? unit.NameEn : unitId;

    public static string Percent(int? percent) => percent is null ? "—" : $"{percent}%";

    public static string YesNo(bool value, Language language) => value ? language.Pick("是", "Yes") : language.Pick("否", "No");

    public static string Time(DateTimeOffset at, UpdateOptions options) =>
        at.ToOffset(options.UtcOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
