using GiBot.Reminders.Sending;
using GiBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Reminders;

/// <summary>How the poller paces itself: asleep outside working hours, and passes that never outlive their claims.</summary>
public sealed class ReminderSchedulerTests
{
    private static readonly Dictionary<string, string?> DueOnTheTenth = new() { ["Reminders:Default:DueDay"] = "10" };

    [Theory]
    [InlineData("2026-11-20 17:45", "2026-11-23 09:00")] // Friday evening: Monday morning
    [InlineData("2026-10-09 17:45", "2026-10-10 09:00")] // Friday before the make-up Saturday of 国庆
    [InlineData("2026-09-30 18:00", "2026-10-08 09:00")] // the whole 国庆 holiday, 1 to 7 October
    [InlineData("2026-11-17 08:00", "2026-11-17 09:00")] // a working morning before nine
    public async Task Outside_working_hours_the_poller_sleeps_until_they_open(string beijing, string opens)
    {
        await using var bot = await ReminderBot.StartAsync(ReminderBot.Beijing(beijing));
        var scheduler = bot.App.Services.GetRequiredService<ReminderScheduler>();
        Assert.Equal(ReminderBot.Beijing(opens) - ReminderBot.Beijing(beijing), scheduler.NextPassIn(ReminderBot.Beijing(beijing)));
        Assert.Equal(TimeSpan.FromMinutes(1), scheduler.NextPassIn(ReminderBot.Beijing(opens)));
    }

    [Fact]
    public async Task A_slow_pass_hands_back_the_plans_of_digests_it_has_not_started_and_each_is_still_sent_once()
    {
        await using var bot = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-10-08 09:00"),
            new Dictionary<string, string?>(DueOnTheTenth)
            {
                ["Reminders:Lease"] = "00:04:00",
                // The slow clock below must slow the pass, not time out the connector's calls.
                ["Connector:Retry:AttemptTimeout"] = "01:00:00",
                ["Connector:Retry:TotalTimeout"] = "02:00:00",
            });
        await bot.SayAsync("你好", Staff.Liaison);
        await bot.SayAsync("你好", Staff.Head);
        await bot.PassAsync();
        bot.Time.SetUtcNow(ReminderBot.Beijing("2026-10-09 09:30")); // T-1: the liaison's digest and the head's, of the same four plans
        bot.Time.AutoAdvanceAmount = TimeSpan.FromSeconds(20); // every look at the clock costs 20 s: a slow connector

        var handled = await bot.PassAsync();
        var due = (await bot.Reminders.ListDueBetweenAsync(ReminderBot.Beijing("2026-10-09 09:00"), ReminderBot.Beijing("2026-10-09 12:00"), TestContext.Current.CancellationToken))
            .Where(r => r.Plan.Step == "T-1").ToArray();
        Assert.InRange(handled, 1, due.Length - 1); // 反不正当竞争科's plan (nobody reachable) is finished
        Assert.Equal(1, bot.DigestsTo(Staff.Liaison).Count + bot.DigestsTo(Staff.Head).Count); // one digest went, the other waits
        var left = due.Where(r => r.Status == ReminderStatus.Pending).ToArray();
        Assert.Equal(4, left.Length); // 执法稽查科's four: sent to one of its people, not yet to the other
        Assert.All(left, r => Assert.Null(r.LeaseUntil)); // handed back, not held until the lease runs out

        for (var pass = 0; pass < 10 && bot.DigestsTo(Staff.Liaison).Count + bot.DigestsTo(Staff.Head).Count < 2; pass++)
        {
            await bot.PassAsync();
        }
        bot.Time.AutoAdvanceAmount = TimeSpan.Zero;
        await bot.PassAsync();
        foreach (var who in new[] { Staff.Liaison, Staff.Head })
        {
            Assert.Single(bot.DigestsTo(who));
            var texts = bot.RemindersTo(who).Select(GiBot.Tests.Cards.CardJson.Text).ToArray();
            Assert.Equal(4, texts.Length);
            Assert.Equal(4, texts.Distinct().Count());
        }
    }
}
