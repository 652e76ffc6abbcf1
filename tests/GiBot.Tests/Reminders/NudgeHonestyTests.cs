using System.Net;
using GiBot.Localization;
using GiBot.Reminders;
using GiBot.Reminders.Nudges;
using GiBot.Reminders.Sending;
using GiBot.Roster;
using GiBot.Storage;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GiBot.Tests.Reminders;

/// <summary>
/// "提醒 N" says whom it really reaches: measure 8's units are 执法稽查科 (its liaison talks to the bot) and 反不正当竞争科
/// (its liaison never did, so the bot cannot message them), and a nudge Teams refuses is reported to the admin who asked.
/// </summary>
public sealed class NudgeHonestyTests
{
    private static async Task<ReminderBot> StartedAsync()
    {
        var bot = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-11-16 10:00"));
        await bot.GreetAsync(Staff.Liaison, Staff.Head, Staff.Admin, Staff.Member);
        await bot.PassAsync();
        return bot;
    }

    private static async Task<IReadOnlyList<ReminderRecord>> NudgePlansAsync(ReminderBot bot, string unit) =>
        (await bot.Reminders.ListDueBetweenAsync(bot.Time.GetUtcNow().AddDays(-1), bot.Time.GetUtcNow().AddDays(1), TestContext.Current.CancellationToken))
            .Where(r => r.Plan.UnitId == unit && ReminderSteps.IsManual(r.Plan.Step)).ToArray();

    [Fact]
    public async Task A_liaison_without_a_chat_is_named_with_what_to_do_and_their_unit_is_not_counted_as_nudged()
    {
        await using var bot = await StartedAsync();
        var answer = await bot.SayAsync("提醒 8", Staff.Admin);

        Assert.Contains($"共 1 人：执法稽查科（{Staff.Liaison.Name}）", answer, StringComparison.Ordinal);
        Assert.Contains("以下 1 人收不到提醒", answer, StringComparison.Ordinal);
        Assert.Contains($"- {Staff.Unreachable.Name}（反不正当竞争科）", answer, StringComparison.Ordinal);
        Assert.Contains("本次没有人收到提醒：反不正当竞争科", answer, StringComparison.Ordinal);
        Assert.Contains("添加 GiBot", answer, StringComparison.Ordinal);
        Assert.Empty(await NudgePlansAsync(bot, "反不正当竞争科")); // nothing planned that cannot go, so the hourly limit is not spent
        Assert.Single(await NudgePlansAsync(bot, "执法稽查科"));

        // Once they open GiBot, the admin can nudge them at once, and they are counted as reached.
        await bot.SayAsync("你好", Staff.Unreachable);
        var again = await bot.SayAsync("提醒 8", Staff.Admin);
        Assert.Contains($"共 1 人：反不正当竞争科（{Staff.Unreachable.Name}）", again, StringComparison.Ordinal);
        Assert.DoesNotContain("收不到", again, StringComparison.Ordinal);
        Assert.Contains("执法稽查科（", again, StringComparison.Ordinal); // nudged within the hour: said to wait
        await bot.PassAsync();
        Assert.Single(bot.RemindersTo(Staff.Unreachable));
    }

    [Fact]
    public async Task An_admin_who_writes_English_is_told_in_English()
    {
        await using var bot = await StartedAsync();
        var answer = await bot.SayAsync("remind 8", Staff.Admin);
        Assert.Contains($"1 person: 执法稽查科 ({Staff.Liaison.Name})", answer, StringComparison.Ordinal);
        Assert.Contains("1 person does not get the nudge", answer, StringComparison.Ordinal);
        Assert.Contains($"- {Staff.Unreachable.Name} (反不正当竞争科)", answer, StringComparison.Ordinal);
        Assert.Contains("add the GiBot app", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("收不到", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nudge_Teams_refuses_for_good_is_reported_to_the_admin_who_asked_and_not_retried()
    {
        await using var bot = await StartedAsync();
        await bot.SayAsync("提醒 8", Staff.Admin);
        bot.Connector.FailNext(new FakeConnector.ScriptedFailure(403, PathContains: ReminderBot.Conversation(Staff.Liaison)));
        await bot.PassAsync();

        var notice = Assert.Single(bot.TextsTo(Staff.Admin), t => t.StartsWith("您发出的催办", StringComparison.Ordinal));
        Assert.Contains($"- {Staff.Liaison.Name}（执法稽查科、第 8 项）", notice, StringComparison.Ordinal);
        Assert.Contains("403", notice, StringComparison.Ordinal);
        Assert.Contains("重新添加或打开 GiBot", notice, StringComparison.Ordinal);
        Assert.Contains("“提醒 8”", notice, StringComparison.Ordinal);
        var plan = Assert.Single(await NudgePlansAsync(bot, "执法稽查科"));
        Assert.NotEqual(ReminderStatus.Pending, plan.Status);

        bot.Time.Advance(TimeSpan.FromMinutes(30)); // past the retry delay: nothing is tried again
        await bot.PassAsync();
        Assert.Single(bot.DigestsTo(Staff.Liaison)); // the refused attempt only
        Assert.Single(bot.TextsTo(Staff.Admin), t => t.StartsWith("您发出的催办", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_nudge_Teams_refuses_for_the_message_itself_is_reported_logged_once_as_an_error_and_not_retried()
    {
        await using var bot = await StartedAsync();
        await bot.SayAsync("提醒 8", Staff.Admin);
        bot.Connector.FailNext(new FakeConnector.ScriptedFailure(400, PathContains: ReminderBot.Conversation(Staff.Liaison)));
        await bot.PassAsync();

        var notice = Assert.Single(bot.TextsTo(Staff.Admin), t => t.StartsWith("您发出的催办", StringComparison.Ordinal));
        Assert.Contains("400", notice, StringComparison.Ordinal);
        Assert.Contains("运维人员", notice, StringComparison.Ordinal);
        var plan = Assert.Single(await NudgePlansAsync(bot, "执法稽查科"));
        Assert.NotEqual(ReminderStatus.Pending, plan.Status);
        Assert.Contains(Staff.Liaison.AadObjectId, await bot.Reminders.ListRecipientsSentAsync(plan.Plan.Key, TestContext.Current.CancellationToken)); // given up on, kept
        Assert.Single(bot.Logs.Lines, l => l.Category == typeof(ReminderDispatcher).FullName && l.Level == LogLevel.Error);

        bot.Time.Advance(TimeSpan.FromMinutes(30)); // past the retry delay: nothing is tried again
        await bot.PassAsync();
        Assert.Single(bot.DigestsTo(Staff.Liaison));
        Assert.Single(bot.TextsTo(Staff.Admin), t => t.StartsWith("您发出的催办", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_nudge_is_reported_in_English_to_an_admin_who_asked_in_English()
    {
        await using var bot = await StartedAsync();
        await bot.SayAsync("remind 8", Staff.Admin);
        bot.Connector.FailNext(new FakeConnector.ScriptedFailure(404, PathContains: ReminderBot.Conversation(Staff.Liaison)));
        await bot.PassAsync();

        var notice = Assert.Single(bot.TextsTo(Staff.Admin), t => t.StartsWith("Your nudge did not reach", StringComparison.Ordinal));
        Assert.Contains($"{Staff.Liaison.Name} (执法稽查科, measure 8)", notice, StringComparison.Ordinal);
        Assert.Contains("404", notice, StringComparison.Ordinal);
        Assert.Contains("\"remind 8\"", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ladder_reminder_Teams_refuses_tells_no_admin_as_a_nudge_would()
    {
        await using var bot = await StartedAsync();
        bot.Connector.FailNext(new FakeConnector.ScriptedFailure(403, PathContains: ReminderBot.Conversation(Staff.Liaison)));
        await bot.PassAtAsync("2026-11-20 09:30"); // T-3
        Assert.Single(bot.DigestsTo(Staff.Liaison));
        Assert.DoesNotContain(bot.TextsTo(Staff.Admin), t => t.StartsWith("您发出的催办", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, null, "卸载或屏蔽", true)]
    [InlineData(HttpStatusCode.NotFound, "ConversationNotFound", "找不到与对方的私聊", true)]
    [InlineData(HttpStatusCode.Forbidden, "UntrustedServiceUrl", "AllowedServiceUrls", false)]
    [InlineData(HttpStatusCode.Unauthorized, "Unauthorized", "运维人员", false)]
    public void Each_refusal_reads_as_its_cause_and_says_who_can_fix_it(HttpStatusCode status, string? code, string words, bool personCanFix)
    {
        var person = new RosterPerson("aad-1", "李四", null, [new UnitMembership("执法稽查科", RosterRole.Liaison)]);
        var refusal = new NudgeRefusal(person, [new ReminderPlan(8, "执法稽查科", "2026-11", "manual@x", default, "admin")], status, code);
        Assert.Contains(words, refusal.Reason(Language.Chinese), StringComparison.Ordinal);
        Assert.Equal(personCanFix, refusal.PersonCanFix);
        var text = NudgeRefusalNotice.Text([new NudgeRefusalNotice.Missed(refusal, refusal.Plans)], Language.Chinese);
        Assert.Equal(personCanFix, text.Contains("重新添加或打开 GiBot", StringComparison.Ordinal));
    }
}
