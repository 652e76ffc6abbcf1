using GiBot.Localization;
using GiBot.Measures.Registry;

namespace GiBot.Measures.Answers;

/// <summary>
/// How units, sections, items and measures are named in answers. Official names are Chinese; English
/// answers put the English name after the Chinese one: 知识产权保护科 (IP Protection Section).
/// </summary>
public static class MeasureLabels
{
    public static string MeasureTitle(int number, Language language) =>
        language.Pick($"第 {number} 项措施", $"Measure {number}");

    public static string Unit(Unit unit, Language language) =>
        language.Pick(unit.Name, $"{unit.Name} ({unit.NameEn})");

    public static string OwnerLine(Measure measure, Unit unit, Language language)
    {
        var name = Unit(unit, language);
        if (unit == measure.Lead)
        {
            return language.Pick($"{name}（牵头）", $"{name}, lead");
        }
        return unit.Kind == UnitKind.CountyBureau ? language.Pick($"{name}（按职责分工负责）", $"{name}, each within its remit") : name;
    }

    /// <summary>Short owners for list rows: 执法稽查科、反不正当竞争科、知识产权保护科、各县（市）区局和示范区分局.</summary>
    public static string ShortOwners(Measure measure, Language language)
    {
        var names = measure.Units.Select(u => u == measure.Lead ? language.Pick($"{u.Name}（牵头）", $"{Unit(u, language)}, lead") : Unit(u, language)).ToList();
        if (measure.SharedWithCountyBureaus)
        {
            names.Add(language.Pick("各县（市）区局和示范区分局", "county/district bureaus and the zone branch"));
        }
        return string.Join(language.Pick("、", "; "), names);
    }

    public static string Section(PlanSection section, Language language) =>
        language.Pick($"{section.Number}、{section.Title}", $"Part {section.Number}、{section.Title} ({section.TitleEn})");

    public static string Item(PlanItem item, Language language) =>
        language.Pick($"（{item.Number}）{item.Title}", $"Item （{item.Number}）{item.Title} ({item.TitleEn})");

    public static string ItemShort(PlanItem item, Language language) =>
        language.Pick($"（{item.Number}）", $"Item （{item.Number}）");

    public static string Placement(Measure measure, Language language) =>
        $"{Section(measure.Section, language)} › {Item(measure.Item, language)}";

    public static string UnitsLabel(Language language) => language.Pick("工作分工", "Responsible units");

    public static string TextLabel(Language language) => language.Pick("具体举措", "Measure (official text)");

    public static string Summary(Measure measure, Language language) =>
        language == Language.English ? $"Summary (unofficial): {measure.SummaryEn}" : "";

    /// <summary>Who "the county/district bureaus" are, from configuration.</summary>
    public static string CountyNote(MeasureRegistry registry, Language language)
    {
        if (registry.CountyBureaus.Count == 0)
        {
            return "";
        }
        var names = string.Join(language.Pick("、", "; "), registry.CountyBureaus.Select(b => language.Pick(b.Name, $"{b.Name} ({b.NameEn})")));
        return language.Pick(
            $"各县（市）、区局和城乡一体化示范区分局共 {registry.CountyBureaus.Count} 个单位：{names}。",
            $"The county/district bureaus and the demonstration-zone branch ({registry.CountyBureaus.Count} units) are: {names}.");
    }

    public static string Snippet(Measure measure, Language language, int length = 48)
    {
        if (language == Language.English)
        {
            return measure.SummaryEn.Length <= 110 ? measure.SummaryEn : TextCut.Prefix(measure.SummaryEn, 107) + "…";
        }
        return TextCut.Cut(measure.Text.Replace("\n", "", StringComparison.Ordinal), length, "…");
    }

    public static string ListAllButton(Language language) => language.Pick("全部措施", "All measures");

    /// <summary>Where an answer comes from: the plan by its full title, and the place in it when there is one.</summary>
    public static string Source(MeasureRegistry registry, Language language, string? place = null) => language.Pick(
        place is null ? $"来源：{registry.PlanTitle}" : $"来源：{registry.PlanTitle}，{place}",
        place is null ? $"Source: {registry.PlanTitle} ({registry.PlanTitleEn})" : $"Source: {registry.PlanTitle} ({registry.PlanTitleEn}), {place}");

    public static string MeasurePlace(Measure measure, Language language) =>
        language.Pick($"序号 {measure.Number}", $"No. {measure.Number}");

    public static string ItemPlace(PlanItem item, Language language) =>
        language.Pick($"举措（{item.Number}）", $"item （{item.Number}）");
}
