using System.Text.RegularExpressions;
using GiBot.Reminders.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Reminders;

public sealed class ReminderAdminTests
{
    private static async Task<ReminderBot> StartedAsync()
    {
        var bot = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-11-16 10:00"));
        await bot.GreetAsync(Staff.Liaison, Staff.Head, Staff.Admin, Staff.Member);
        await bot.PassAsync();
        return bot;
    }

    [Fact]
    public async Task The_plan_lists_upcoming_reminders_the_cycles_and_the_missing_2027_calendar()
    {
        await using var bot = await StartedAsync();
        var plan = await bot.SayAsync("提醒计划", Staff.Admin);
        Assert.Contains("每月，25日 17:00 截止", plan, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 09:30 T-3 第 8 项（2026-11）：反不正当竞争科、执法稽查科", plan, StringComparison.Ordinal); // T-3 of Wednesday 25 November
        Assert.Contains("T-3→联络员，T-1→联络员/负责人，T+1→负责人+频道汇总", plan, StringComparison.Ordinal);
        Assert.Contains("全部 11 个", plan, StringComparison.Ordinal); // T-3 of Wednesday 25 November
        Assert.Contains("2027", plan, StringComparison.Ordinal);
        Assert.Contains("周一至周五", plan, StringComparison.Ordinal);

        var english = await bot.SayAsync("reminder plan", Staff.Admin);
        Assert.Contains("Pending reminders", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_admins_are_refused_politely_with_the_reason()
    {
        await using var bot = await StartedAsync();
        var refusal = await bot.SayAsync("提醒 8", Staff.Liaison);
        Assert.StartsWith("抱歉，只有管理员", refusal, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(refusal!, "只有管理员")); // said once, with whom to ask
        Assert.Empty(bot.RemindersTo(Staff.Liaison));
    }

    [Fact]
    public async Task A_manual_nudge_reaches_the_unreported_units_liaisons_at_most_once_an_hour()
    {
        await using var bot = await StartedAsync();
        var answer = await bot.SayAsync("提醒 8", Staff.Admin);
        Assert.Contains("执法稽查科", answer, StringComparison.Ordinal);
        await bot.PassAsync();
        var card = Assert.Single(bot.RemindersTo(Staff.Liaison));
        Assert.Contains("管理员提醒", GiBot.Tests.Cards.CardJson.Text(card), StringComparison.Ordinal);
        Assert.Empty(bot.RemindersTo(Staff.Head));

        bot.Time.Advance(TimeSpan.FromMinutes(20));
        var again = await bot.SayAsync("remind 8", Staff.Admin);
        Assert.Contains("at most once an hour", again, StringComparison.Ordinal);
        Assert.Contains("2026-11-16 11:00", again, StringComparison.Ordinal);
        await bot.PassAsync();
        Assert.Single(bot.RemindersTo(Staff.Liaison));

        bot.Time.Advance(TimeSpan.FromMinutes(41));
        await bot.SayAsync("提醒第8项", Staff.Admin);
        await bot.PassAsync();
        Assert.Equal(2, bot.RemindersTo(Staff.Liaison).Count);
    }

    [Fact]
    public async Task Nudges_asked_for_at_night_go_out_once_next_morning_without_a_late_note()
    {
        await using var bot = await StartedAsync();
        bot.Time.SetUtcNow(ReminderBot.Beijing("2026-11-16 20:00"));
        var answer = await bot.SayAsync("提醒 8", Staff.Admin);
        Assert.Contains("2026-11-17 09:00", answer, StringComparison.Ordinal);
        await bot.PassAsync();
        Assert.Empty(bot.RemindersTo(Staff.Liaison));
        bot.Time.SetUtcNow(ReminderBot.Beijing("2026-11-16 21:30"));
        var again = await bot.SayAsync("提醒 8", Staff.Admin); // more than an hour later, but the first has not gone out yet
        Assert.Contains("2026-11-17 10:00", again, StringComparison.Ordinal);

        await bot.PassAtAsync("2026-11-17 09:00");
        var text = GiBot.Tests.Cards.CardJson.Text(Assert.Single(bot.RemindersTo(Staff.Liaison)));
        Assert.Contains("管理员提醒", text, StringComparison.Ordinal);
        Assert.DoesNotContain("补发", text, StringComparison.Ordinal); // waiting for office hours is not downtime
    }

    [Fact]
    public async Task Admins_change_a_measures_cycle_in_Teams_and_the_update_card_follows_it()
    {
        await using var bot = await StartedAsync();
        var answer = await bot.SayAsync("提醒周期 8 季度 20日", Staff.Admin);
        Assert.Contains("2026-Q4", answer, StringComparison.Ordinal);
        Assert.Contains("2026-12-18 17:00", answer, StringComparison.Ordinal); // Sunday 20 December → Friday 18
        var schedule = bot.App.Services.GetRequiredService<IReportingSchedule>();
        Assert.Equal("2026-Q4", schedule.Current(8, bot.Time.GetUtcNow()).Period);
        Assert.Equal("2026-11", schedule.Current(9, bot.Time.GetUtcNow()).Period);

        await using (var restarted = bot.SecondInstance())
        {
            await restarted.PassAsync();
            Assert.Equal("2026-Q4", restarted.App.Services.GetRequiredService<IReportingSchedule>().Current(8, bot.Time.GetUtcNow()).Period);
        }

        var quick = await bot.SayAsync("update 8 推进中 60% 已完成专项检查3次", Staff.Liaison);
        Assert.Contains("2026-Q4", quick, StringComparison.Ordinal);

        var reset = await bot.SayAsync("提醒周期 8 默认", Staff.Admin);
        Assert.Contains("每月", reset, StringComparison.Ordinal);
        var wrong = await bot.SayAsync("提醒周期 8 每周", Staff.Admin);
        Assert.Contains("月度、季度、半年或一次", wrong, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("提醒周期 10 季度 25日 25:00", "时间“25:00”不正确")]
    [InlineData("提醒周期 10 一次 2026-02-30", "日期 2026-02-30 不存在")]
    [InlineData("提醒周期 10 一次 2020-01-01", "截止日期 2020-01-01 已经过去")]
    [InlineData("reminder cycle 10 weekly", "monthly, quarterly, half-yearly or once")]
    public async Task A_cycle_that_cannot_be_right_is_refused_politely_and_nothing_changes(string text, string reason)
    {
        await using var bot = await StartedAsync();
        var answer = await bot.SayAsync(text, Staff.Admin);
        Assert.Contains(reason, answer, StringComparison.Ordinal);
        Assert.DoesNotContain("参考编号", answer, StringComparison.Ordinal);
        Assert.Equal("2026-11", bot.App.Services.GetRequiredService<IReportingSchedule>().Current(10, bot.Time.GetUtcNow()).Period);

        var outsider = await bot.SayAsync("提醒周期 10 季度 25日 99:99", Staff.Member);
        Assert.Contains("只有管理员", outsider, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("提醒第八项")]
    [InlineData("提醒第8项措施")]
    [InlineData("remind measure 8")]
    public async Task A_nudge_can_name_the_measure_as_people_write_it(string text)
    {
        await using var bot = await StartedAsync();
        await bot.SayAsync(text, Staff.Admin);
        await bot.PassAsync();
        Assert.Contains("第 8 项", GiBot.Tests.Cards.CardJson.Text(Assert.Single(bot.RemindersTo(Staff.Liaison))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cycle_command_alone_shows_the_cycle_in_force_and_changes_nothing()
    {
        await using var bot = await StartedAsync();
        var shown = await bot.SayAsync("提醒周期 8", Staff.Admin);
        Assert.Contains("第 8 项措施的汇报周期：每月", shown, StringComparison.Ordinal);
        Assert.Contains("当前汇报期 2026-11", shown, StringComparison.Ordinal);
        Assert.Contains("提醒周期 8 默认", shown, StringComparison.Ordinal);
        var english = await bot.SayAsync("reminder cycle 8", Staff.Admin);
        Assert.Contains("Measure 8 reports", english, StringComparison.Ordinal);
        Assert.Equal("2026-11", bot.App.Services.GetRequiredService<IReportingSchedule>().Current(8, bot.Time.GetUtcNow()).Period);
    }

    [Fact]
    public async Task A_nudge_leaves_out_a_unit_that_finished_the_measure_and_says_why()
    {
        await using var bot = await StartedAsync();
        await bot.SayAsync("update 8 已完成 100% 专项检查全部完成", Staff.Liaison);
        var answer = await bot.SayAsync("提醒 8", Staff.Admin);
        Assert.Contains("已汇报或已完成：执法稽查科", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("联络员：执法稽查科", answer, StringComparison.Ordinal);
        await bot.PassAsync();
        Assert.DoesNotContain(bot.RemindersTo(Staff.Liaison), c => GiBot.Tests.Cards.CardJson.Text(c).Contains("管理员提醒", StringComparison.Ordinal));
    }
}
