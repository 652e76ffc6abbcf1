using System.Globalization;
using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Measures.Cards;
using GiBot.Roster.Units;
using GiBot.Updates;

namespace GiBot.Overview;

/// <summary>
/// The overview's Adaptive Cards (cards/overview*.json). Twenty measures times all their units would pass Teams'
/// ~28 KB card limit, so the whole-plan card has one row per measure with counts; a row opens the measure's
/// units, and the filter shows one unit's measures.
/// </summary>
public sealed class OverviewCards(UnitCatalog units, UpdateOptions updateOptions)
{
    public AdaptiveCard Plan(OverviewSnapshot snapshot, Language language)
    {
        var rows = snapshot.Measures.Select(m => Fragment("overview-row", new CardValues()
            .Set("title", MeasureLabels.MeasureTitle(m.Measure.Number, language))
            .Set("data", OverviewVerbs.Data(OverviewVerbs.Show, language, m.Measure.Number.ToString(CultureInfo.InvariantCulture)))
            .Set("color", Color(m.Mark))
            .Set("text", $"**{m.Measure.Number}.** {MeasureLabels.Snippet(m.Measure, language, 30)}")
            .Set("detail", MeasureDetail(m, language))));
        return Card(Heading(snapshot, language), Summary(snapshot, language), [.. rows, Filter(language)], language);
    }

    /// <summary>One measure with a line per responsible unit.</summary>
    public AdaptiveCard Measure(OverviewSnapshot snapshot, MeasureStatus measure, Language language)
    {
        var lines = measure.Units.Select(u => Line(u.Mark, MeasureLabels.Unit(u.Unit, language), UnitDetail(u, measure, language)));
        var heading = language.Pick($"第 {measure.Measure.Number} 项措施 · {measure.Window.Period} 期", $"Measure {measure.Measure.Number} · period {measure.Window.Period}");
        var hint = $"{MeasureLabels.Snippet(measure.Measure, language, 60)}  \n{MeasureDetail(measure, language)}";
        return Card(heading, hint, [.. lines, Filter(language)], language, showAll: true);
    }

    /// <summary>One unit with a line per measure it owns.</summary>
    public AdaptiveCard Unit(OverviewSnapshot snapshot, Language language)
    {
        var unit = snapshot.UnitFilter!;
        var lines = snapshot.Measures.Select(m => m.Units[0]).Zip(snapshot.Measures, (u, m) =>
            Line(u.Mark, $"**{m.Measure.Number}.** {MeasureLabels.Snippet(m.Measure, language, 30)}", UnitDetail(u, m, language)));
        var heading = language.Pick($"{unit.Name} · 总览（{string.Join("、", snapshot.Periods)} 期）", $"{unit.Name} ({unit.NameEn}) · overview, period {string.Join(", ", snapshot.Periods)}");
        return Card(heading, Summary(snapshot, language), [.. lines, Filter(language)], language, showAll: true);
    }

    /// <summary>"本期未报送": each unit that owes a report, with the measures and their deadline.</summary>
    public AdaptiveCard Missing(OverviewSnapshot snapshot, Language language)
    {
        var missing = snapshot.Missing();
        var body = new List<JsonNode>();
        foreach (var (unit, measures) in missing)
        {
            body.Add(Fragment("overview-text", new CardValues().Set("text",
                $"**{MeasureLabels.Unit(unit, language)}**：{string.Join(language.Pick("、", ", "), measures.Select(m => m.Measure.Number))}" +
                language.Pick($"（截止 {Local(measures.Min(m => m.Window.DueAt)):MM-dd HH:mm}）", $" (due {Local(measures.Min(m => m.Window.DueAt)):MM-dd HH:mm})"))));
        }
        if (missing.Count == 0)
        {
            body.Add(Fragment("overview-text", new CardValues().Set("text", language.Pick("本期各责任单位均已报送。", "Every responsible unit has reported this period."))));
        }
        var heading = language.Pick($"本期未报送（{string.Join("、", snapshot.Periods)} 期）", $"Not yet reported (period {string.Join(", ", snapshot.Periods)})");
        return Card(heading, MissingSummary(snapshot, language), body, language, showAll: true);
    }

    /// <summary>How many units owe how many reports this period.</summary>
    public static string MissingSummary(OverviewSnapshot snapshot, Language language)
    {
        var missing = snapshot.Missing();
        return language.Pick($"{missing.Count} 个单位、{missing.Sum(m => m.Measures.Count)} 项待报送；已完成的措施不再要求报送。",
            $"{missing.Count} units owe {missing.Sum(m => m.Measures.Count)} reports; completed measures need no further reports.");
    }

    /// <summary>A card with one button opening a signed link.</summary>
    public static AdaptiveCard Link(string heading, string hint, string buttonTitle, string url, Language language) =>
        new(Fragment("overview", new CardValues()
            .Set("lang", MeasureCards.LangCode(language))
            .Set("heading", heading)
            .Set("hint", hint)
            .Set("body", Array.Empty<JsonNode>())
            .Set("actions", [Fragment("overview-link", new CardValues().Set("title", buttonTitle).Set("url", url))])));

    public static string MarkWord(RagMark mark, Language language) => mark switch
    {
        RagMark.Red => language.Pick("红", "red"),
        RagMark.Amber => language.Pick("黄", "amber"),
        _ => language.Pick("绿", "green"),
    };

    public string Heading(OverviewSnapshot snapshot, Language language) =>
        language.Pick($"地理标志保护分工方案总览（{string.Join("、", snapshot.Periods)} 期）", $"GI protection plan overview (period {string.Join(", ", snapshot.Periods)})");

    public string Summary(OverviewSnapshot snapshot, Language language) => language.Pick(
        $"截至 {Local(snapshot.At):yyyy-MM-dd HH:mm}：本期已报送 {snapshot.Reported}/{snapshot.UnitSlots}{OverdueEarlier(snapshot, language)}；红 {snapshot.Count(RagMark.Red)}、黄 {snapshot.Count(RagMark.Amber)}、绿 {snapshot.Count(RagMark.Green)}。红：重大问题或逾期未报；黄：受阻或临近截止未报。",
        $"As of {Local(snapshot.At):yyyy-MM-dd HH:mm}: reported this period {snapshot.Reported}/{snapshot.UnitSlots}{OverdueEarlier(snapshot, language)}; red {snapshot.Count(RagMark.Red)}, amber {snapshot.Count(RagMark.Amber)}, green {snapshot.Count(RagMark.Green)}. Red: major issue or overdue; amber: blocked or due soon without a report.");

    /// <summary>"；11月 逾期未报 57 项" / "; November overdue, not reported: 57": the earlier periods still owed, if any.</summary>
    public static string OverdueEarlier(OverviewSnapshot snapshot, Language language) => string.Concat(snapshot.OverdueEarlier().Select(o =>
        language.Pick($"；{OverduePeriodNames.Overdue(o.Period, language)} {o.Count} 项", $"; {OverduePeriodNames.Overdue(o.Period, language)}: {o.Count}")));

    private string MeasureDetail(MeasureStatus m, Language language)
    {
        var last = m.LastUpdate is { } at ? Local(at).ToString("MM-dd", CultureInfo.InvariantCulture) : language.Pick("无", "none");
        var overdue = m.OverdueEarlier is var (period, count)
            ? language.Pick($" · {OverduePeriodNames.Overdue(period, language)} {count}", $" · {OverduePeriodNames.Overdue(period, language)}: {count}")
            : "";
        return language.Pick(
            $"本期已报 {m.Reported}/{m.Units.Count}{overdue} · 完成 {m.Percent}% · 最近 {last} · 红{m.Count(RagMark.Red)} 黄{m.Count(RagMark.Amber)} 绿{m.Count(RagMark.Green)} · 截止 {Local(m.Window.DueAt):MM-dd}",
            $"Reported {m.Reported}/{m.Units.Count}{overdue} · {m.Percent}% done · last {last} · R{m.Count(RagMark.Red)} A{m.Count(RagMark.Amber)} G{m.Count(RagMark.Green)} · due {Local(m.Window.DueAt):MM-dd}");
    }

    private string UnitDetail(UnitStatus u, MeasureStatus m, Language language)
    {
        var mark = MarkWord(u.Mark, language);
        var overdue = u.OverdueEarlier is { } earlier ? " · " + OverduePeriodNames.Overdue(earlier.Period, language) : "";
        if (u.Latest is not { } latest)
        {
            return language.Pick($"{mark} · 尚无报送{overdue} · 截止 {Local(m.Window.DueAt):MM-dd}", $"{mark} · no report yet{overdue} · due {Local(m.Window.DueAt):MM-dd}");
        }
        var r = latest.Report;
        var percent = r.PercentComplete is { } p ? $" {p}%" : "";
        var major = r.MajorIssue ? language.Pick(" · 重大问题", " · major issue") : "";
        var owed = u.IsMissing ? language.Pick(" · 本期未报", " · not reported this period") : "";
        return language.Pick(
            $"{mark} · {UpdateStatus.Label(r.Status, language)}{percent} · {r.Period} 期 · {Local(latest.SubmittedAt):MM-dd HH:mm}{major}{owed}{overdue}",
            $"{mark} · {UpdateStatus.Label(r.Status, language)}{percent} · period {r.Period} · {Local(latest.SubmittedAt):MM-dd HH:mm}{major}{owed}{overdue}");
    }

    private JsonNode Filter(Language language) => Fragment("overview-filter", new CardValues()
        .Set("label", language.Pick("按单位或县（市）区局筛选", "Filter by unit or county/district bureau"))
        .Set("error", language.Pick("请选择单位。", "Please choose a unit."))
        .Set("placeholder", language.Pick("选择单位", "Choose a unit"))
        .Set("choices", units.Units.Select(u => Fragment("overview-choice", new CardValues().Set("title", language.Pick(u.Name, u.NameEn)).Set("value", u.Name))))
        .Set("title", language.Pick("筛选", "Filter"))
        .Set("data", OverviewVerbs.Data(OverviewVerbs.Show, language)));

    private static AdaptiveCard Card(string heading, string hint, IEnumerable<JsonNode> body, Language language, bool showAll = false)
    {
        var actions = new List<JsonNode>();
        if (showAll)
        {
            actions.Add(Action(language.Pick("全部措施", "All measures"), OverviewVerbs.Data(OverviewVerbs.Show, language, "")));
        }
        actions.Add(Action(language.Pick("本期未报送", "Not reported"), OverviewVerbs.Data(OverviewVerbs.Missing, language)));
        actions.Add(Action(language.Pick("导出台账 XLSX", "Export XLSX"), OverviewVerbs.Data(OverviewVerbs.Export, language, format: "xlsx")));
        actions.Add(Action(language.Pick("导出 CSV", "Export CSV"), OverviewVerbs.Data(OverviewVerbs.Export, language, format: "csv")));
        actions.Add(Action(language.Pick("看板", "Dashboard"), OverviewVerbs.Data(OverviewVerbs.Dashboard, language)));
        return new AdaptiveCard(Fragment("overview", new CardValues()
            .Set("lang", MeasureCards.LangCode(language))
            .Set("heading", heading)
            .Set("hint", hint)
            .Set("body", body)
            .Set("actions", actions)));
    }

    private static JsonNode Line(RagMark mark, string text, string detail) =>
        Fragment("overview-line", new CardValues().Set("color", Color(mark)).Set("text", text).Set("detail", detail));

    private static JsonNode Action(string title, JsonObject data) =>
        Fragment("overview-action", new CardValues().Set("title", title).Set("data", data));

    private static string Color(RagMark mark) => mark switch
    {
        RagMark.Red => "Attention",
        RagMark.Amber => "Warning",
        _ => "Good",
    };

    private DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(updateOptions.UtcOffset);

    private static JsonObject Fragment(string template, CardValues values) => CardTemplate.Get(template).FillObject(values);
}
