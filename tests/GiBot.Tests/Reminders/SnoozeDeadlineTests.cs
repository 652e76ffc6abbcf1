using GiBot.Reminders;
using GiBot.Storage;
using GiBot.Tests.Cards;

namespace GiBot.Tests.Reminders;

/// <summary>
/// 稍后提醒 on the real bot near measure 8's deadline, Wednesday 25 November 2026 17:00: the card offers only what ends
/// before it, a later time is brought forward and said so, and when it is too near or past, the reply says that.
/// </summary>
public sealed class SnoozeDeadlineTests
{
    /// <summary>The bot on the deadline day (or another time) with the liaison's reminder card, from an admin's nudge.</summary>
    private static async Task<(ReminderBot Bot, System.Text.Json.Nodes.JsonObject Card)> CardAtAsync(string beijing)
    {
        var bot = await ReminderBot.StartAsync(ReminderBot.Beijing(beijing));
        await bot.GreetAsync(Staff.Liaison, Staff.Admin);
        await bot.SayAsync("提醒 8", Staff.Admin);
        await bot.PassAsync();
        return (bot, bot.RemindersTo(Staff.Liaison).Single(c => CardJson.Text(c).Contains("第 8 项", StringComparison.Ordinal)));
    }

    private static async Task<IReadOnlyList<ReminderRecord>> SnoozesAsync(ReminderBot bot) =>
        (await bot.Reminders.ListDueBetweenAsync(bot.Time.GetUtcNow().AddDays(-1), bot.Time.GetUtcNow().AddDays(3), TestContext.Current.CancellationToken))
            .Where(r => ReminderSteps.IsSnooze(r.Plan.Step)).ToArray();

    private static System.Text.Json.Nodes.JsonObject Tomorrow(System.Text.Json.Nodes.JsonObject card)
    {
        var data = ReminderBot.Data(card, ReminderVerbs.Snooze);
        data[ReminderVerbs.UntilKey] = ReminderVerbs.UntilTomorrow;
        return data;
    }

    [Fact]
    public async Task On_the_deadline_day_the_card_offers_no_tomorrow_and_a_pressed_tomorrow_comes_before_the_deadline()
    {
        var (bot, card) = await CardAtAsync("2026-11-25 10:00");
        await using var _ = bot;
        Assert.DoesNotContain("\"" + ReminderVerbs.UntilTomorrow + "\"", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("2 小时后提醒", CardJson.Text(card), StringComparison.Ordinal);

        var answer = await bot.PressAsync(Tomorrow(card), Staff.Liaison); // an older card, or a forged one
        Assert.Contains("晚于第 8 项本期（2026-11）的截止时间 2026-11-25 17:00", answer, StringComparison.Ordinal);
        Assert.Contains("已改为 2026-11-25 16:00", answer, StringComparison.Ordinal);
        Assert.Equal(ReminderBot.Beijing("2026-11-25 16:00"), Assert.Single(await SnoozesAsync(bot)).Plan.DueAt);

        await bot.PassAtAsync("2026-11-25 15:59");
        Assert.Single(bot.RemindersTo(Staff.Liaison));
        await bot.PassAtAsync("2026-11-25 16:00");
        Assert.Equal(2, bot.RemindersTo(Staff.Liaison).Count);
    }

    [Fact]
    public async Task Two_hours_later_that_would_pass_the_deadline_is_brought_forward()
    {
        var (bot, card) = await CardAtAsync("2026-11-25 14:30");
        await using var _ = bot;
        var answer = await bot.PressAsync(ReminderBot.Data(card, ReminderVerbs.Snooze), Staff.Liaison);
        Assert.Contains("您选的时间（2026-11-25 16:30）", answer, StringComparison.Ordinal);
        Assert.Contains("已改为 2026-11-25 16:00", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_near_the_deadline_no_snooze_is_set_and_the_person_is_asked_to_report_now()
    {
        var (bot, card) = await CardAtAsync("2026-11-25 15:50");
        await using var _ = bot;
        var answer = await bot.PressAsync(ReminderBot.Data(card, ReminderVerbs.Snooze), Staff.Liaison);
        Assert.Contains("将于 2026-11-25 17:00（北京时间）截止，来不及稍后再提醒了", answer, StringComparison.Ordinal);
        Assert.Contains("汇报第8项", answer, StringComparison.Ordinal);
        Assert.Empty(await SnoozesAsync(bot));

        var englishCard = ReminderBot.Data(card, ReminderVerbs.Snooze);
        englishCard["lang"] = "en"; // the card of someone who writes English
        var english = await bot.PressAsync(englishCard, Staff.Liaison);
        Assert.Contains("too soon for a later reminder, so none is set", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_deadline_a_snooze_is_set_and_says_the_report_is_overdue()
    {
        var (bot, card) = await CardAtAsync("2026-11-26 10:00");
        await using var _ = bot;
        Assert.Contains("\"" + ReminderVerbs.UntilTomorrow + "\"", card.ToJsonString(), StringComparison.Ordinal);
        var answer = await bot.PressAsync(ReminderBot.Data(card, ReminderVerbs.Snooze), Staff.Liaison);
        Assert.Contains("已于 2026-11-25 17:00 截止，现已逾期", answer, StringComparison.Ordinal);
        Assert.Contains("将于 2026-11-26 12:00", answer, StringComparison.Ordinal);
        Assert.Single(await SnoozesAsync(bot));
    }

    [Fact]
    public async Task A_snooze_for_a_period_the_measure_does_not_have_is_refused_politely()
    {
        var (bot, card) = await CardAtAsync("2026-11-25 10:00");
        await using var _ = bot;
        var forged = ReminderBot.Data(card, ReminderVerbs.Snooze);
        forged[ReminderVerbs.PeriodKey] = "2026-13";
        var answer = await bot.PressAsync(forged, Staff.Liaison);
        Assert.Contains("这个按钮已失效（汇报期不正确）", answer, StringComparison.Ordinal);
        Assert.Empty(await SnoozesAsync(bot));
    }
}
