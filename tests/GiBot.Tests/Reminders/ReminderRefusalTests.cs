using GiBot.Storage;
using GiBot.Tests.Updates;

using static GiBot.Tests.Reminders.RefusalScenario;

namespace GiBot.Tests.Reminders;

/// <summary>
/// A ladder rung Teams refuses for good (403: GiBot removed or blocked; 404: the chat is gone) is not retried: the chat
/// is marked removed until the person writes again, the other recipients of the same plans still get theirs, and admins
/// are told once. A refusal for now (503, timeout) and the bot's own untrusted service URL are retried. Reports are due
/// on day 10: T-3 is 30 September, T-1 is 9 October (国庆 in between).
/// </summary>
public sealed class ReminderRefusalTests
{
    private static int NoticesNaming(ReminderBot bot, Person who) =>
        bot.TextsTo(Staff.Admin).Count(t => t.Contains(who.Name, StringComparison.Ordinal));

    [Theory]
    [InlineData(403, "拒收（403）")]
    [InlineData(404, "找不到与对方的私聊（404）")]
    public async Task A_rung_refused_for_good_is_not_retried_the_chat_is_marked_removed_and_admins_are_told_once(int status, string reason)
    {
        await using var bot = await StartedAsync();
        bot.Connector.FailNext(Refuse(status, Staff.Liaison));
        await bot.PassAtAsync(T3);

        Assert.Single(bot.DigestsTo(Staff.Liaison)); // the refused attempt
        Assert.Null(await ChatAsync(bot, Staff.Liaison));
        var plans = await PlansAsync(bot, T3, "T-3");
        Assert.Equal(4, plans.Count);
        Assert.All(plans, p => Assert.Equal(ReminderStatus.Sent, p.Status)); // done for this person, not retried
        var notice = Assert.Single(bot.TextsTo(Staff.Admin), t => t.Contains(Staff.Liaison.Name, StringComparison.Ordinal));
        Assert.Contains(reason, notice, StringComparison.Ordinal);
        Assert.Contains("重新添加或打开 GiBot", notice, StringComparison.Ordinal);
        Assert.Contains(Staff.Unreachable.Name, notice, StringComparison.Ordinal); // one message with the people without a chat

        await bot.PassAtAsync("2026-09-30 09:36"); // past RetryDelay
        await bot.PassAtAsync("2026-09-30 10:00");
        await bot.PassAtAsync(T1); // a later rung does not try the removed chat, nor name them again
        Assert.Single(bot.DigestsTo(Staff.Liaison));
        Assert.Equal(1, NoticesNaming(bot, Staff.Liaison));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(408)]
    public async Task A_rung_refused_for_now_is_retried_and_the_chat_kept(int status)
    {
        await using var bot = await StartedAsync();
        bot.Connector.FailNext(Refuse(status, Staff.Liaison));
        await bot.PassAtAsync(T3);

        Assert.NotNull(await ChatAsync(bot, Staff.Liaison));
        Assert.All(await PlansAsync(bot, T3, "T-3"), p => Assert.Equal(ReminderStatus.Pending, p.Status));
        await bot.PassAtAsync("2026-09-30 09:36");
        Assert.Equal(2, bot.DigestsTo(Staff.Liaison).Count);
        Assert.All(await PlansAsync(bot, T3, "T-3"), p => Assert.Equal(ReminderStatus.Sent, p.Status));
        Assert.Equal(0, NoticesNaming(bot, Staff.Liaison));
    }

    [Fact]
    public async Task The_other_recipient_of_the_same_plans_still_gets_them_and_a_retry_does_not_try_the_refused_chat_again()
    {
        await using var bot = await StartedAsync();
        await bot.PassAtAsync(T3);
        Assert.Single(bot.DigestsTo(Staff.Liaison));

        // T-1 goes to the liaison and the head: the liaison's chat is gone, the head's digest fails for now.
        bot.Connector.FailNext(Refuse(403, Staff.Liaison), Refuse(503, Staff.Head));
        await bot.PassAtAsync(T1);
        Assert.Equal(2, bot.DigestsTo(Staff.Liaison).Count);
        Assert.Single(bot.DigestsTo(Staff.Head));
        var t1 = await PlansAsync(bot, T1, "T-1");
        Assert.Equal(4, t1.Count);
        Assert.All(t1, p => Assert.Equal(ReminderStatus.Pending, p.Status)); // retried for the head

        // Even back in reach before the retry, the liaison is done with this rung: at most once per person and plan.
        await bot.SayAsync("你好", Staff.Liaison);
        await bot.PassAtAsync("2026-10-09 09:36");
        Assert.Equal(2, bot.DigestsTo(Staff.Head).Count); // the head gets the rung
        Assert.Equal(2, bot.DigestsTo(Staff.Liaison).Count); // the liaison is neither tried again nor doubled
        Assert.All(await PlansAsync(bot, T1, "T-1"), p => Assert.Equal(ReminderStatus.Sent, p.Status));
        foreach (var plan in await PlansAsync(bot, T1, "T-1"))
        {
            Assert.Contains(Staff.Head.AadObjectId, await bot.Reminders.ListRecipientsSentAsync(plan.Plan.Key, None));
        }
    }

    [Fact]
    public async Task The_bots_own_untrusted_service_url_refusal_keeps_the_chat_and_is_retried()
    {
        await using var bot = await StartedAsync();
        bot.Connector.FailNext(Refuse(403, Staff.Liaison, "UntrustedServiceUrl"));
        await bot.PassAtAsync(T3);

        Assert.NotNull(await ChatAsync(bot, Staff.Liaison));
        Assert.All(await PlansAsync(bot, T3, "T-3"), p => Assert.Equal(ReminderStatus.Pending, p.Status));
        Assert.Equal(0, NoticesNaming(bot, Staff.Liaison)); // a configuration matter: logged for the operators
        await bot.PassAtAsync("2026-09-30 09:36");
        Assert.Equal(2, bot.DigestsTo(Staff.Liaison).Count);
    }

    [Fact]
    public async Task A_person_who_writes_again_is_reachable_again()
    {
        await using var bot = await StartedAsync();
        bot.Connector.FailNext(Refuse(403, Staff.Liaison));
        await bot.PassAtAsync(T3);
        Assert.Null(await ChatAsync(bot, Staff.Liaison));

        await bot.SayAsync("你好", Staff.Liaison);
        Assert.NotNull(await ChatAsync(bot, Staff.Liaison));
        await bot.PassAtAsync(T1);
        Assert.Equal(2, bot.DigestsTo(Staff.Liaison).Count); // T-1 reaches them
    }

    [Fact]
    public async Task An_admin_who_writes_English_reads_of_the_refusal_in_English()
    {
        await using var bot = await StartedAsync();
        await bot.SayAsync("update 8", Staff.Admin); // an English start leaves an English draft
        await bot.SayAsync("hello", Staff.Admin);
        bot.Connector.FailNext(Refuse(404, Staff.Liaison));
        await bot.PassAtAsync(T3);
        var notice = Assert.Single(bot.TextsTo(Staff.Admin), t => t.Contains(Staff.Liaison.Name, StringComparison.Ordinal));
        Assert.Contains("Teams no longer knows the chat with them (404)", notice, StringComparison.Ordinal);
        Assert.Contains("open GiBot in Teams again", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("拒收", notice, StringComparison.Ordinal);
    }
}
