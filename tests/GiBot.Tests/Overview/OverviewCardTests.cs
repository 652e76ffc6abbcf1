using System.Text.Json.Nodes;
using GiBot.Roster.Units;
using GiBot.Tests.Roster;
using GiBot.Updates;

namespace GiBot.Tests.Overview;

/// <summary>"总览": the numbers on the card against updates stored in the bot's real database.</summary>
public sealed class OverviewCardTests : IAsyncLifetime
{
    private const string Wen = "温县市场监督管理局";
    private OverviewBot _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _bot = await OverviewBot.StartAsync();
        await _bot.ReportAsync(9, "执法稽查科", "2026-11", UpdateStatus.InProgress, 60);
        await _bot.ReportAsync(9, Wen, "2026-11", UpdateStatus.Completed, 100);
        await _bot.ReportAsync(9, "知识产权保护科", "2026-10", UpdateStatus.Blocked, 20);
        await _bot.ReportAsync(8, "反不正当竞争科", "2026-11", UpdateStatus.InProgress, 30, major: true);
    }

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    private int UnitsOf(int measure) => _bot.Get<UnitCatalog>().ResponsibleUnits(_bot.Get<UnitCatalog>().Registry.Find(measure)!).Count;

    [Fact]
    public async Task Each_measure_row_counts_reports_percent_last_update_and_marks_from_the_store()
    {
        var (text, card) = await _bot.AskAsync(TeamsUser.Admin, "总览");
        var n9 = UnitsOf(9);
        var percent9 = (int)Math.Round((60 + 100 + 20) / (double)n9, MidpointRounding.AwayFromZero);
        // Friday 11-20 is three working days before the deadline: a unit that has not reported November but did report
        // October is amber; every unit that never reported October (due 10-23) is red, named for October, even when it
        // reported November (执法稽查科); the unit that finished the measure (温县) owes nothing.
        Assert.Equal($"本期已报 2/{n9} · 10月 逾期未报 {n9 - 2} · 完成 {percent9}% · 最近 11-20 · 红{n9 - 2} 黄1 绿1 · 截止 11-25", Detail(card!, 9));
        Assert.Equal("Attention", Mark(card!, 9));
        Assert.StartsWith($"本期已报 1/{UnitsOf(8)} · 10月 逾期未报 {UnitsOf(8)} · 完成 {(int)Math.Round(30 / (double)UnitsOf(8), MidpointRounding.AwayFromZero)}% · 最近 11-20 · 红{UnitsOf(8)} ", Detail(card!, 8), StringComparison.Ordinal);
        Assert.Equal("Attention", Mark(card!, 8));
        Assert.Equal($"本期已报 0/{UnitsOf(1)} · 10月 逾期未报 {UnitsOf(1)} · 完成 0% · 最近 无 · 红{UnitsOf(1)} 黄0 绿0 · 截止 11-25", Detail(card!, 1));
        Assert.Equal(20, Rows(card!).Count);
        var slots = Enumerable.Range(1, 20).Sum(UnitsOf);
        Assert.Contains($"本期已报送 3/{slots}", text, StringComparison.Ordinal);
        Assert.Equal("地理标志保护分工方案总览（2026-11 期）", card!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_the_deadline_units_without_a_report_turn_red_and_completed_ones_stay_green()
    {
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
        var (_, card) = await _bot.AskAsync(OverviewBot.Head, "总览");
        var n9 = UnitsOf(9);
        Assert.Equal($"本期已报 2/{n9} · 10月 逾期未报 {n9 - 2} · 完成 {(int)Math.Round(180 / (double)n9, MidpointRounding.AwayFromZero)}% · 最近 11-20 · 红{n9 - 1} 黄0 绿1 · 截止 11-25", Detail(card!, 9));
        Assert.Equal("Attention", Mark(card!, 9));
    }

    [Fact]
    public async Task A_row_opens_the_measure_with_one_line_per_unit()
    {
        var (_, plan) = await _bot.AskAsync(TeamsUser.Admin, "总览");
        var row = Rows(plan!).Single(r => Text(r).StartsWith("**9.**", StringComparison.Ordinal));
        var (_, card) = await _bot.PressAsync(TeamsUser.Admin, row["selectAction"]!["data"]!.AsObject());
        var lines = Rows(card!);
        Assert.Equal(UnitsOf(9), lines.Count);
        Assert.Equal("黄 · 受阻 20% · 2026-10 期 · 11-20 10:00 · 本期未报", Detail(lines, "知识产权保护科"));
        Assert.Equal("绿 · 已完成 100% · 2026-11 期 · 11-20 10:00", Detail(lines, Wen));
        Assert.Equal("红 · 尚无报送 · 10月 逾期未报 · 截止 11-25", Detail(lines, "孟州市市场监督管理局"));
        Assert.Equal("Good", lines.Single(l => Text(l) == Wen)["columns"]![0]!["items"]![0]!["color"]!.GetValue<string>());
    }

    [Fact]
    public async Task Typed_filter_by_county_bureau_in_chinese_and_english()
    {
        var shared = _bot.Get<UnitCatalog>().MeasuresOwnedBy(Wen).Count;
        var (_, zh) = await _bot.AskAsync(TeamsUser.Admin, "总览 温县");
        Assert.Equal(shared, Rows(zh!).Count);
        Assert.Equal("绿 · 已完成 100% · 2026-11 期 · 11-20 10:00", Detail(zh!, 9));
        Assert.Contains(Wen, zh!["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var (_, en) = await _bot.AskAsync(TeamsUser.Admin, "overview Wen County");
        Assert.Equal("en", en!["lang"]!.GetValue<string>());
        Assert.Equal(shared, Rows(en).Count);
        Assert.Equal("green · Completed 100% · period 2026-11 · 11-20 10:00", Detail(en, 9));
    }

    [Theory]
    [InlineData("总览 八")]
    [InlineData("总览第8项")]
    [InlineData("总览8")]
    public async Task A_measure_can_be_named_as_people_write_it(string text)
    {
        var (_, expected) = await _bot.AskAsync(TeamsUser.Admin, "总览 8");
        var (_, card) = await _bot.AskAsync(TeamsUser.Admin, text);
        Assert.Equal(UnitsOf(8), Rows(card!).Count);
        Assert.Equal(expected!["body"]![0]!["text"]!.GetValue<string>(), card!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_county_needs_no_space_after_the_command()
    {
        var (_, card) = await _bot.AskAsync(TeamsUser.Admin, "总览温县");
        Assert.Equal(_bot.Get<UnitCatalog>().MeasuresOwnedBy(Wen).Count, Rows(card!).Count);
    }

    [Fact]
    public async Task The_card_filter_input_shows_one_unit()
    {
        var (_, plan) = await _bot.AskAsync(TeamsUser.Admin, "总览");
        var filter = Find(plan!, n => n["type"]?.GetValue<string>() == "Input.ChoiceSet").Single();
        Assert.Contains(filter["choices"]!.AsArray(), c => c!["value"]!.GetValue<string>() == "执法稽查科");
        var button = Find(plan!, n => n["type"]?.GetValue<string>() == "ActionSet").Single()["actions"]![0]!["data"]!.AsObject();
        var (_, card) = await _bot.PressAsync(TeamsUser.Admin, button, new() { ["filter"] = "执法稽查科" });
        Assert.Equal([8, 9, 10, 20], Rows(card!).Select(r => int.Parse(Text(r)[2..Text(r).IndexOf('.')], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("红 · 推进中 60% · 2026-11 期 · 11-20 10:00 · 10月 逾期未报", Detail(card!, 9));
    }

    [Fact]
    public async Task A_late_report_for_an_earlier_period_does_not_replace_the_current_periods_status()
    {
        await _bot.ReportAsync(10, "执法稽查科", "2026-11", UpdateStatus.InProgress, 70);
        _bot.Time.Advance(TimeSpan.FromDays(1));
        await _bot.ReportAsync(10, "执法稽查科", "2026-10", UpdateStatus.Blocked, 40);
        var (_, card) = await _bot.AskAsync(TeamsUser.Admin, "总览 执法稽查科");
        Assert.Equal("绿 · 推进中 70% · 2026-11 期 · 11-20 10:00", Detail(card!, 10));
        // The measure's last update is still the late report: it is the newest thing the unit did.
        var (_, plan) = await _bot.AskAsync(TeamsUser.Admin, "总览");
        Assert.Contains(" · 最近 11-21 · ", Detail(plan!, 10), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_reported_this_period_lists_units_and_the_measures_they_owe()
    {
        var (text, card) = await _bot.AskAsync(TeamsUser.Admin, "本期未报送");
        var lines = Find(card!, n => n["type"]?.GetValue<string>() == "TextBlock" && n["text"]!.GetValue<string>().StartsWith("**", StringComparison.Ordinal))
            .Select(n => n["text"]!.GetValue<string>()).ToArray();
        Assert.Contains("**执法稽查科**：8、10、20（截止 11-25 17:00）", lines);
        var wen = lines.Single(l => l.StartsWith($"**{Wen}**", StringComparison.Ordinal));
        Assert.DoesNotContain("、9、", wen, StringComparison.Ordinal);
        var owed = Enumerable.Range(1, 20).Sum(UnitsOf) - 3;
        Assert.Contains($"{owed} 项待报送", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_largest_cards_stay_within_the_teams_size_limit()
    {
        // Measure 20 names every section, the centre and every county bureau; English text is the longest.
        foreach (var (user, command) in new[] { (TeamsUser.Admin, "overview"), (TeamsUser.Admin, "overview 20"), (OverviewBot.Head, "总览 20"), (OverviewBot.Head, "not reported") })
        {
            var (_, card) = await _bot.AskAsync(user, command);
            var bytes = System.Text.Encoding.UTF8.GetByteCount(card!.ToJsonString());
            Assert.InRange(bytes, 2_000, OverviewBot.CardLimitBytes - 1);
            TestContext.Current.SendDiagnosticMessage($"{command}: {bytes} bytes");
        }
        var (_, twenty) = await _bot.AskAsync(TeamsUser.Admin, "总览 20");
        Assert.Equal(UnitsOf(20), Rows(twenty!).Count);
    }

    [Fact]
    public async Task Unknown_unit_and_measure_numbers_get_a_hint()
    {
        var (unknown, none) = await _bot.AskAsync(TeamsUser.Admin, "总览 火星局");
        Assert.Null(none);
        Assert.Contains("没有找到名为「火星局」的单位", unknown, StringComparison.Ordinal);
        var (marked, _) = await _bot.AskAsync(TeamsUser.Admin, "总览 **火星局**");
        Assert.Contains(@"没有找到名为「\*\*火星局\*\*」的单位", marked, StringComparison.Ordinal);
        var (measure, _) = await _bot.AskAsync(TeamsUser.Admin, "总览 21");
        Assert.Contains("第 1 至 20 项", measure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liaisons_and_strangers_are_refused_politely_and_pointed_to_my_measures()
    {
        foreach (var user in new[] { TeamsUser.Liaison, TeamsUser.Stranger })
        {
            foreach (var command in new[] { "总览", "本期未报送", "导出台账", "看板" })
            {
                var (text, card) = await _bot.AskAsync(user, command);
                Assert.Null(card);
                Assert.Contains("仅向各单位负责人和管理员开放", text, StringComparison.Ordinal);
                Assert.Contains("我的措施", text, StringComparison.Ordinal);
            }
        }
        var (english, _) = await _bot.AskAsync(TeamsUser.Liaison, "overview");
        Assert.Contains("heads and administrators only", english, StringComparison.Ordinal);
    }

    private static List<JsonObject> Rows(JsonObject card) =>
        Find(card, n => n["type"]?.GetValue<string>() == "ColumnSet").ToList();

    private static string Text(JsonObject row) => row["columns"]![1]!["items"]![0]!["text"]!.GetValue<string>();

    private static string Detail(JsonObject card, int measure) => Detail(Rows(card), $"**{measure}.**");

    private static string Detail(List<JsonObject> rows, string start) =>
        rows.Single(r => Text(r).StartsWith(start, StringComparison.Ordinal))["columns"]![1]!["items"]![1]!["text"]!.GetValue<string>();

    private static string Mark(JsonObject card, int measure) =>
        Rows(card).Single(r => Text(r).StartsWith($"**{measure}.**", StringComparison.Ordinal))["columns"]![0]!["items"]![0]!["color"]!.GetValue<string>();

    private static IEnumerable<JsonObject> Find(JsonNode? node, Func<JsonObject, bool> match) => Descendants(node).Where(match);

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
