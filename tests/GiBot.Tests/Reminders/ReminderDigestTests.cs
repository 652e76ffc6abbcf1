using System.Text.Json.Nodes;
using GiBot.Localization;
using GiBot.Reminders;
using GiBot.Reminders.Schedule;
using GiBot.Storage;
using GiBot.Tests.Cards;
using GiBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Reminders;

/// <summary>The digest itself: one message per person and rung, readable and compact for a county bureau's 19 measures.</summary>
public sealed class ReminderDigestTests
{
    private const string County = "温县市场监督管理局";

    [Fact]
    public async Task A_liaison_gets_one_digest_per_rung_with_a_row_and_its_own_buttons_for_each_measure()
    {
        await using var bot = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-09-29 09:00"), new() { ["Reminders:Default:DueDay"] = "10" });
        await bot.SayAsync("你好", Staff.Liaison);
        await bot.PassAsync();
        await bot.PassAtAsync("2026-09-30 09:30");

        var digest = Assert.Single(bot.DigestsTo(Staff.Liaison));
        Assert.Contains("4 项措施", CardJson.Text(digest), StringComparison.Ordinal);
        var rows = ReminderBot.Rows(digest).ToArray();
        Assert.Equal([8, 9, 10, 20], rows.Select(r => ReminderBot.Data(r, ReminderVerbs.NoChange)[ReminderVerbs.MeasureKey]!.GetValue<int>()));
        foreach (var row in rows)
        {
            var noChange = ReminderBot.Data(row, ReminderVerbs.NoChange);
            var measure = noChange[ReminderVerbs.MeasureKey]!.GetValue<int>();
            Assert.Equal("执法稽查科", noChange[ReminderVerbs.UnitKey]!.GetValue<string>());
            Assert.Equal("2026-10", noChange[ReminderVerbs.PeriodKey]!.GetValue<string>());
            var report = ReminderBot.Data(row, UpdateVerbs.Start);
            Assert.Equal(measure, report["measure"]!.GetValue<int>());
            Assert.Equal("2026-10", report["period"]!.GetValue<string>());
            Assert.Equal(2, Actions(row).Count(a => a["data"]?["verb"]?.GetValue<string>() == ReminderVerbs.Snooze
                && a["data"]?[ReminderVerbs.MeasureKey]?.GetValue<int>() == measure));
        }

        // The rows' buttons work as the single reminder's did: 本期无新进展 on the second row reports measure 9 only.
        var answer = await bot.PressAsync(ReminderBot.Data(rows[1], ReminderVerbs.NoChange), Staff.Liaison);
        Assert.Contains("已提交", answer, StringComparison.Ordinal);
        await bot.PassAtAsync("2026-10-09 09:30");
        var t1 = bot.DigestsTo(Staff.Liaison)[^1];
        Assert.Equal([8, 10, 20], ReminderBot.Rows(t1).Select(r => ReminderBot.Data(r, ReminderVerbs.NoChange)[ReminderVerbs.MeasureKey]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_county_bureaus_nineteen_measures_fit_one_compact_card_and_a_text_twin_listing_each()
    {
        await using var bot = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-10-07 09:00"));
        var services = bot.App.Services;
        var schedule = services.GetRequiredService<IReportingSchedule>();
        var cards = services.GetRequiredService<ReminderCards>();
        var rows = Enumerable.Range(1, 19)
            .Select(m => schedule.Find(m, "2026-10")!)
            .Select(w => new DigestRow(new ReminderPlan(w.Measure, County, w.Period, "T-3", w.DueAt.AddDays(-3)), w))
            .ToArray();
        var now = rows[0].Plan.DueAt;

        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var card = cards.Digest(rows, now, null, language).Content;
            AdaptiveCardSchema.AssertValid(card, "19-row reminder digest");
            // The schema check above holds it to Teams' 28 KB card limit (JSON-escaped, so a Chinese character costs 6 bytes); stay well under.
            var size = System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString());
            Assert.True(size < 24_000, $"a 19-row digest is {size} bytes; keep it well under Teams' 28 KB card limit");
            Assert.Equal(19, ReminderBot.Rows(card).Count());

            var text = cards.Text(rows, now, null, language);
            Assert.Equal(19, text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
            Assert.Contains(language.Pick("第 19 项（温县市场监督管理局，2026-10）", "Measure 19 ("), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_digest_of_one_reads_as_a_single_reminder()
    {
        await using var bot = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-10-07 09:00"));
        var services = bot.App.Services;
        var window = services.GetRequiredService<IReportingSchedule>().Find(8, "2026-10")!;
        var now = window.DueAt.AddDays(-3);
        DigestRow[] rows = [new(new ReminderPlan(8, "执法稽查科", "2026-10", "T-3", now), window)];
        var cards = services.GetRequiredService<ReminderCards>();

        var card = CardJson.Text(cards.Digest(rows, now, null, Language.Chinese).Content);
        Assert.Contains("进展汇报提醒 · 第 8 项措施", card, StringComparison.Ordinal);
        Assert.Contains("这项措施本期的进展尚未填报", card, StringComparison.Ordinal);
        Assert.Contains("地理标志", card, StringComparison.Ordinal); // the measure's text, quoted as the single card did
        var text = cards.Text(rows, now, null, Language.Chinese);
        Assert.Contains("第 8 项（执法稽查科，2026-10）", text, StringComparison.Ordinal);
        Assert.Contains("“汇报第8项”", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_heads_digest_names_the_late_liaison_and_the_unit_and_offers_no_reporting_buttons()
    {
        await using var bot = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-09-29 09:00"), new() { ["Reminders:Default:DueDay"] = "10" });
        await bot.GreetAsync(Staff.Liaison, Staff.Head);
        await bot.PassAsync();
        await bot.PassAtAsync("2026-10-12 09:30"); // T+1: heads only

        var digest = Assert.Single(bot.DigestsTo(Staff.Head));
        var text = CardJson.Text(digest);
        Assert.Contains("逾期未报 · 4 项措施", text, StringComparison.Ordinal);
        Assert.Contains("执法稽查科", text, StringComparison.Ordinal);
        Assert.Equal(4, ReminderBot.Rows(digest).Count(r => CardJson.Text(r).Contains("尚未填报的联络员：" + Staff.Liaison.Name, StringComparison.Ordinal)));
        Assert.Empty(Actions(digest));
    }

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject obj => (obj["type"]?.GetValue<string>() == "Action.Submit" ? [obj] : Array.Empty<JsonObject>()).Concat(obj.SelectMany(p => Actions(p.Value))),
        JsonArray array => array.SelectMany(Actions),
        _ => [],
    };
}
