using System.Text.Json.Nodes;
using GiBot.Roster.Units;
using GiBot.Tests.Roster;
using GiBot.Updates;

namespace GiBot.Tests.Overview;

/// <summary>The overview when measures report quarterly: the quarter's period and deadline, Beijing time deciding the quarter.</summary>
public sealed class QuarterlyOverviewTests : IAsyncLifetime
{
    private OverviewBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await OverviewBot.StartAsync(new() { ["Reminders:Default:Cycle"] = "Quarterly" });

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    private int UnitsOf(int measure) => _bot.Get<UnitCatalog>().ResponsibleUnits(_bot.Get<UnitCatalog>().Registry.Find(measure)!).Count;

    [Fact]
    public async Task The_quarter_is_the_period_and_its_deadline_is_december_25()
    {
        await _bot.ReportAsync(9, "执法稽查科", "2026-Q4", UpdateStatus.InProgress, 50);
        await _bot.ReportAsync(9, "知识产权保护科", "2026-Q3", UpdateStatus.InProgress, 40);
        var (_, card) = await _bot.AskAsync(TeamsUser.Admin, "总览");
        Assert.Equal("地理标志保护分工方案总览（2026-Q4 期）", Heading(card!));
        // Five weeks before the deadline nobody is due soon, and the Q3 report does not count for Q4; but Q3 was due
        // 09-25, so every unit that did not report it is red, named for Q3, even when it reported Q4 (执法稽查科).
        var n9 = UnitsOf(9);
        Assert.Equal($"本期已报 1/{n9} · 2026-Q3 期 逾期未报 {n9 - 1} · 完成 {(int)Math.Round(90.0 / n9, MidpointRounding.AwayFromZero)}% · 最近 11-20 · 红{n9 - 1} 黄0 绿1 · 截止 12-25", Detail(card!, 9));

        var (_, missing) = await _bot.AskAsync(TeamsUser.Admin, "本期未报送");
        Assert.Contains(Texts(missing!), t => t == "**知识产权保护科**：" + string.Join("、", _bot.Get<UnitCatalog>().MeasuresOwnedBy("知识产权保护科").Select(m => m.Number)) + "（截止 12-25 17:00）");
    }

    [Fact]
    public async Task Just_after_midnight_on_october_1_beijing_time_is_already_the_fourth_quarter()
    {
        await using var bot = await OverviewBot.StartAsync(new() { ["Reminders:Default:Cycle"] = "Quarterly" }, new DateTimeOffset(2026, 9, 30, 16, 30, 0, TimeSpan.Zero));
        await bot.ReportAsync(9, "执法稽查科", "2026-Q3", UpdateStatus.InProgress, 50);
        var (_, card) = await bot.AskAsync(TeamsUser.Admin, "总览");
        Assert.Equal("地理标志保护分工方案总览（2026-Q4 期）", Heading(card!));
        Assert.StartsWith($"本期已报 0/{UnitsOf(9)} · ", Detail(card!, 9), StringComparison.Ordinal);
    }

    private static string Heading(JsonObject card) => card["body"]![0]!["text"]!.GetValue<string>();

    private static IEnumerable<string> Texts(JsonObject card) =>
        card["body"]!.AsArray().Select(n => n?["text"]?.GetValue<string>() ?? "");

    private static string Detail(JsonObject card, int measure) =>
        card["body"]!.AsArray().OfType<JsonObject>()
            .Where(n => n["type"]?.GetValue<string>() == "ColumnSet")
            .Single(r => r["columns"]![1]!["items"]![0]!["text"]!.GetValue<string>().StartsWith($"**{measure}.**", StringComparison.Ordinal))
            ["columns"]![1]!["items"]![1]!["text"]!.GetValue<string>();
}
