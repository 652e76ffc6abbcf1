using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GiBot.Overview.Export;
using GiBot.Roster.Units;
using GiBot.Tests.Roster;
using GiBot.Updates;

namespace GiBot.Tests.Overview;

/// <summary>
/// When the month turns, a unit that never reported November (due 11-25) stays overdue for November in 总览, the
/// dashboard and the 督办台账 until it reports November late; a unit that finished the measure (in November, or already in
/// October so it never reported November) owes nothing.
/// </summary>
public sealed class OverdueAfterMonthTurnTests : IAsyncLifetime
{
    private const string Late = "知识产权保护科";
    private const string OnTime = "执法稽查科";
    private const string Wen = "温县市场监督管理局";
    private const string FinishedInOctober = "孟州市市场监督管理局";

    /// <summary>Wednesday 2026-12-02 10:00 Beijing time: December is open and far from its deadline (12-25).</summary>
    private static readonly DateTimeOffset December2 = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);

    private OverviewBot _bot = null!;

    public async ValueTask InitializeAsync()
    {
        // No reminder scheduler: its sends would interleave with the answers read here.
        _bot = await OverviewBot.StartAsync(new() { ["Reminders:Enabled"] = "false" });
        await _bot.ReportAsync(9, OnTime, "2026-11", UpdateStatus.InProgress, 60);
        await _bot.ReportAsync(9, Wen, "2026-11", UpdateStatus.Completed, 100);
        await _bot.ReportAsync(9, FinishedInOctober, "2026-10", UpdateStatus.Completed, 100);
        _bot.Time.SetUtcNow(December2);
    }

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    private int UnitsOf9 => _bot.Get<UnitCatalog>().ResponsibleUnits(_bot.Get<UnitCatalog>().Registry.Find(9)!).Count;

    [Fact]
    public async Task After_the_month_turns_a_unit_that_never_reported_november_is_red_for_november_in_the_overview()
    {
        var (text, plan) = await _bot.AskAsync(TeamsUser.Admin, "总览");
        Assert.Equal("地理标志保护分工方案总览（2026-12 期）", plan!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains($"本期已报 0/{UnitsOf9} · 11月 逾期未报 {UnitsOf9 - 3} · ", RowDetail(plan, "**9.**"), StringComparison.Ordinal);
        Assert.Contains("11月 逾期未报 ", text, StringComparison.Ordinal);

        var (_, measure) = await _bot.AskAsync(TeamsUser.Admin, "总览 9");
        Assert.Equal("红 · 尚无报送 · 11月 逾期未报 · 截止 12-25", RowDetail(measure!, Late));
        Assert.Equal("Attention", RowColor(measure!, Late));
        // Reported November: owes nothing overdue; December is not due yet.
        Assert.Equal("绿 · 推进中 60% · 2026-11 期 · 11-20 10:00 · 本期未报", RowDetail(measure!, OnTime));
        // Finished the measure: owes no report, November or December.
        Assert.Equal("绿 · 已完成 100% · 2026-11 期 · 11-20 10:00", RowDetail(measure!, Wen));
        Assert.Equal("Good", RowColor(measure!, Wen));
        Assert.Equal("绿 · 已完成 100% · 2026-10 期 · 11-20 10:00", RowDetail(measure!, FinishedInOctober));
    }

    [Fact]
    public async Task An_english_user_reads_the_overdue_period_in_english()
    {
        var (text, measure) = await _bot.AskAsync(TeamsUser.Admin, "overview 9");
        Assert.Equal("red · no report yet · November overdue, not reported · due 12-25", RowDetail(measure!, Late));
        Assert.Contains("; November overdue, not reported: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ledger_has_an_overdue_row_for_november_and_the_dashboard_names_it()
    {
        var records = await LedgerAsync();
        Assert.Equal(LedgerBuilder.OverdueNotReported, Single(records, Late, "2026-11")[4]);
        Assert.Equal(LedgerBuilder.NotReported, Single(records, Late, "2026-12")[4]);
        Assert.Equal("推进中", Single(records, OnTime, "2026-11")[4]);
        Assert.Equal("已完成", Single(records, Wen, "2026-11")[4]);
        Assert.DoesNotContain(records, r => r[0] == "9" && r[3] == Wen && r[12] == "2026-12");
        Assert.DoesNotContain(records, r => r[0] == "9" && r[3] == FinishedInOctober && r[12] != "2026-10");
        Assert.Equal(UnitsOf9 - 3, records.Count(r => r[0] == "9" && r[4] == LedgerBuilder.OverdueNotReported));

        var (_, card) = await _bot.AskAsync(TeamsUser.Admin, "看板");
        var html = await (await _bot.GetAsync(OverviewBot.LinkOf(card!))).Content.ReadAsStringAsync();
        Assert.Contains("11月 逾期未报 ", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"row red\" id=\"measure-9\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_report_for_november_clears_the_overdue_mark_and_the_overdue_row()
    {
        await _bot.ReportAsync(9, Late, "2026-11", UpdateStatus.InProgress, 30);
        var (_, measure) = await _bot.AskAsync(TeamsUser.Admin, "总览 9");
        Assert.Equal("绿 · 推进中 30% · 2026-11 期 · 12-02 10:00 · 本期未报", RowDetail(measure!, Late));
        var (_, plan) = await _bot.AskAsync(TeamsUser.Admin, "总览");
        Assert.Contains($"本期已报 0/{UnitsOf9} · 11月 逾期未报 {UnitsOf9 - 4} · ", RowDetail(plan!, "**9.**"), StringComparison.Ordinal);

        var records = await LedgerAsync();
        Assert.Equal("推进中", Single(records, Late, "2026-11")[4]);
        Assert.Equal(UnitsOf9 - 4, records.Count(r => r[0] == "9" && r[4] == LedgerBuilder.OverdueNotReported));
    }

    private async Task<List<string[]>> LedgerAsync()
    {
        var (_, card) = await _bot.AskAsync(TeamsUser.Admin, "导出 csv");
        var response = await _bot.GetAsync(OverviewBot.LinkOf(card!));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsByteArrayAsync();
        return LedgerExportTests.ParseCsv(Encoding.UTF8.GetString(csv, 3, csv.Length - 3));
    }

    private static string[] Single(List<string[]> records, string unit, string period) =>
        records.Single(r => r[0] == "9" && r[3] == unit && r[12] == period);

    private static JsonObject Row(JsonObject card, string start) =>
        Descendants(card).Single(n => n["type"]?.GetValue<string>() == "ColumnSet"
            && n["columns"]![1]!["items"]![0]!["text"]!.GetValue<string>().StartsWith(start, StringComparison.Ordinal));

    private static string RowDetail(JsonObject card, string start) => Row(card, start)["columns"]![1]!["items"]![1]!["text"]!.GetValue<string>();

    private static string RowColor(JsonObject card, string start) => Row(card, start)["columns"]![0]!["items"]![0]!["color"]!.GetValue<string>();

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
