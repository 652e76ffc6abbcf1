using System.Globalization;
using System.Text;
using GiBot.Localization;
using GiBot.Measures.Answers;

namespace GiBot.Overview.Dashboard;

/// <summary>
/// The progress dashboard as one self-contained HTML page, zh-CN or English (for a user who asked in English): CSS
/// bars drawn on the server, no script, no external resource (the page's Content-Security-Policy forbids them).
/// The layout stacks on narrow screens.
/// </summary>
public static class DashboardPage
{
    public static string Render(OverviewSnapshot snapshot, TimeSpan utcOffset, Language language = Language.Chinese)
    {
        var l = language;
        var html = new StringBuilder(32_000);
        var periods = string.Join(l.Pick("、", ", "), snapshot.Periods);
        var title = l.Pick("地理标志保护分工方案 · 进度看板", "GI protection plan · progress dashboard");
        var at = snapshot.At.ToOffset(utcOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var percent = snapshot.UnitSlots == 0 ? 0 : (int)Math.Round(snapshot.Measures.SelectMany(m => m.Units).Average(u => u.Percent), MidpointRounding.AwayFromZero);
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{l.Pick("zh-CN", "en")}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body><main>")
            .Append("<header><h1>").Append(Encode(title)).Append("</h1>")
            .Append("<p class=\"sub\">").Append(Encode(l.Pick($"{periods} 期 · 截至 {at}（北京时间）", $"Period {periods} · as of {at} (Beijing time)") + OverviewCards.OverdueEarlier(snapshot, l))).Append("</p></header>")
            .Append("<section class=\"kpis\" aria-label=\"").Append(l.Pick("汇总", "Summary")).Append("\">")
            .Append(Kpi(l.Pick("本期已报送", "Reported this period"), $"{snapshot.Reported}/{snapshot.UnitSlots}", ""))
            .Append(Kpi(l.Pick("平均完成率", "Mean completion"), $"{percent}%", ""))
            .Append(Kpi(Word(RagMark.Red, l), snapshot.Count(RagMark.Red).ToString(CultureInfo.InvariantCulture), "red"))
            .Append(Kpi(Word(RagMark.Amber, l), snapshot.Count(RagMark.Amber).ToString(CultureInfo.InvariantCulture), "amber"))
            .Append(Kpi(Word(RagMark.Green, l), snapshot.Count(RagMark.Green).ToString(CultureInfo.InvariantCulture), "green"))
            .Append("</section>");

        html.Append("<section><h2>").Append(l.Pick("按措施", "By measure")).Append("</h2><ol class=\"bars\">");
        foreach (var m in snapshot.Measures)
        {
            var label = $"{m.Measure.Number}. {MeasureLabels.Snippet(m.Measure, l, 24)}";
            html.Append(Bar(m.Mark, label, m.Percent, l.Pick($"{m.Percent}% · 已报 {m.Reported}/{m.Units.Count}", $"{m.Percent}% · reported {m.Reported}/{m.Units.Count}"), $"measure-{m.Measure.Number}", l));
        }
        html.Append("</ol></section>");

        html.Append("<section><h2>").Append(l.Pick("按单位", "By unit")).Append("</h2><ol class=\"bars\">");
        foreach (var u in snapshot.ByUnit())
        {
            html.Append(Bar(u.Mark, l.Pick(u.Unit.Name, u.Unit.NameEn), u.Percent, l.Pick($"{u.Percent}% · 已报 {u.Reported}/{u.Measures}", $"{u.Percent}% · reported {u.Reported}/{u.Measures}"), null, l));
        }
        html.Append("</ol></section>");

        html.Append("<footer><p>").Append(l.Pick(
                "<span class=\"dot red\"></span>红：重大问题，或逾期未报送　<span class=\"dot amber\"></span>黄：受阻，或临近截止尚未报送　<span class=\"dot green\"></span>绿：正常",
                "<span class=\"dot red\"></span>Red: major issue, or overdue without a report　<span class=\"dot amber\"></span>Amber: blocked, or due soon without a report　<span class=\"dot green\"></span>Green: on track"))
            .Append("</p><p>").Append(l.Pick(
                "完成率为各责任单位最新报送完成率的平均值（未报送按 0 计）。本页链接仅限本人使用，过期后请在 Teams 中向 GiBot 发送「看板」获取新链接。",
                "Completion is the mean of the responsible units' latest reported percentages (no report counts as 0). This link is for you only; when it expires, send \"dashboard\" to GiBot in Teams for a new one."))
            .Append("</p></footer></main></body></html>");
        return html.ToString();
    }

    private static string Word(RagMark mark, Language language) => OverviewCards.MarkWord(mark, language);

    private static string Kpi(string label, string value, string rag) =>
        $"<div class=\"kpi {rag}\"><div class=\"v\">{Encode(value)}</div><div class=\"l\">{Encode(label)}</div></div>";

    private static string Bar(RagMark mark, string label, int percent, string value, string? id, Language language)
    {
        var rag = mark switch { RagMark.Red => "red", RagMark.Amber => "amber", _ => "green" };
        var word = Word(mark, language);
        var width = Math.Clamp(percent, 0, 100).ToString(CultureInfo.InvariantCulture);
        var idAttribute = id is null ? "" : $" id=\"{id}\"";
        return $"<li class=\"row {rag}\"{idAttribute}><span class=\"label\"><span class=\"dot {rag}\" title=\"{word}\"></span>{Encode(label)}</span>"
            + $"<span class=\"track\" role=\"img\" aria-label=\"{language.Pick("完成", "done")} {width}%\"><span class=\"fill\" style=\"width:{width}%\"></span></span>"
            + $"<span class=\"value\">{Encode(value)}</span></li>";
    }

    private static string Encode(string text) => Html.Encode(text);

    private const string Style = """
        *{box-sizing:border-box}body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",sans-serif;background:#f5f5f5;color:#222}
        main{max-width:1080px;margin:0 auto;padding:16px}header h1{font-size:1.4rem;margin:0 0 4px;color:#a4161a}.sub{margin:0 0 16px;color:#666;font-size:.9rem}
        .kpis{display:grid;grid-template-columns:repeat(5,1fr);gap:8px;margin-bottom:16px}.kpi{background:#fff;border-radius:8px;padding:12px;text-align:center;border-top:4px solid #888}
        .kpi.red{border-color:#c62828}.kpi.amber{border-color:#f9a825}.kpi.green{border-color:#2e7d32}.kpi .v{font-size:1.5rem;font-weight:700}.kpi .l{color:#666;font-size:.85rem}
        section{background:#fff;border-radius:8px;padding:12px 16px;margin-bottom:16px}h2{font-size:1.1rem;margin:4px 0 8px}
        .bars{list-style:none;margin:0;padding:0}.row{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr) 9.5em;gap:8px;align-items:center;padding:6px 0;border-bottom:1px solid #eee}
        .label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:.9rem}.track{display:block;height:14px;background:#e8e8e8;border-radius:7px;overflow:hidden}
        .fill{display:block;height:100%;background:#2e7d32}.row.amber .fill{background:#f9a825}.row.red .fill{background:#c62828}.value{font-size:.85rem;color:#444;text-align:right;white-space:nowrap}
        .dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:6px;vertical-align:middle}.dot.red{background:#c62828}.dot.amber{background:#f9a825}.dot.green{background:#2e7d32}
        footer{color:#666;font-size:.8rem;line-height:1.6}
        @media (max-width:640px){main{padding:10px}.kpis{grid-template-columns:repeat(3,1fr)}.row{grid-template-columns:1fr auto;gap:4px 8px}
        .label{grid-column:1/3;white-space:normal}.track{grid-column:1/2}.value{grid-column:2/3}header h1{font-size:1.15rem}}
        """;
}
