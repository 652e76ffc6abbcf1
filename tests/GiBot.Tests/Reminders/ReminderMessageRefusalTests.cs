using GiBot.Reminders.Sending;
using GiBot.Storage;
using Microsoft.Extensions.Logging;

using static GiBot.Tests.Reminders.RefusalScenario;

namespace GiBot.Tests.Reminders;

/// <summary>
/// A ladder rung Teams refuses because of the message itself (400, 405, 413 MessageSizeTooBig) would be refused at
/// every retry: it is given up on for that person and rung, logged once as an error, and their chat kept; the other
/// recipients of the same plans still get theirs. The bot's outbound credentials refused (401) can be mended, so that is
/// still retried. Reports are due on day 10: T-3 is 30 September, T-1 is 9 October (国庆 in between).
/// </summary>
public sealed class ReminderMessageRefusalTests
{
    private static IReadOnlyList<string> DispatcherErrors(ReminderBot bot) =>
        bot.Logs.Lines.Where(l => l.Category == typeof(ReminderDispatcher).FullName && l.Level == LogLevel.Error).Select(l => l.Message).ToArray();

    [Theory]
    [InlineData(400, null)]
    [InlineData(405, null)]
    [InlineData(413, "MessageSizeTooBig")]
    [InlineData(400, "MessageSizeTooBig")]
    public async Task A_rung_Teams_refuses_for_the_message_itself_is_given_up_once_and_the_chat_kept(int status, string? code)
    {
        await using var bot = await StartedAsync();
        bot.Connector.FailNext(Refuse(status, Staff.Liaison, code));
        await bot.PassAtAsync(T3);

        Assert.Single(bot.DigestsTo(Staff.Liaison)); // the refused attempt
        var plans = await PlansAsync(bot, T3, "T-3");
        Assert.Equal(4, plans.Count);
        Assert.All(plans, p => Assert.Equal(ReminderStatus.Sent, p.Status)); // given up on, not retried
        Assert.NotNull(await ChatAsync(bot, Staff.Liaison)); // nothing is wrong with the chat
        var error = Assert.Single(DispatcherErrors(bot));
        Assert.Contains("T-3", error, StringComparison.Ordinal);
        Assert.Contains(Staff.Liaison.AadObjectId, error, StringComparison.Ordinal);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);

        await bot.PassAtAsync("2026-09-30 09:36"); // past RetryDelay
        await bot.PassAtAsync("2026-09-30 10:00");
        Assert.Single(bot.DigestsTo(Staff.Liaison));
        Assert.Single(DispatcherErrors(bot)); // logged once
        Assert.DoesNotContain(bot.TextsTo(Staff.Admin), t => t.Contains(Staff.Liaison.Name, StringComparison.Ordinal));

        await bot.PassAtAsync(T1); // the next rung still reaches them
        Assert.Equal(2, bot.DigestsTo(Staff.Liaison).Count);
    }

    [Fact]
    public async Task The_bots_credentials_refused_are_retried_and_delivered_once_they_pass()
    {
        await using var bot = await StartedAsync();
        bot.Connector.FailNext(Refuse(401, Staff.Liaison, "Unauthorized"));
        await bot.PassAtAsync(T3);

        Assert.All(await PlansAsync(bot, T3, "T-3"), p => Assert.Equal(ReminderStatus.Pending, p.Status));
        Assert.NotNull(await ChatAsync(bot, Staff.Liaison));
        await bot.PassAtAsync("2026-09-30 09:36"); // past RetryDelay
        Assert.Equal(2, bot.DigestsTo(Staff.Liaison).Count);
        Assert.All(await PlansAsync(bot, T3, "T-3"), p => Assert.Equal(ReminderStatus.Sent, p.Status));
    }

    [Fact]
    public async Task The_other_recipient_of_the_same_plans_still_gets_them_and_the_refused_message_is_not_sent_again()
    {
        await using var bot = await StartedAsync();
        await bot.PassAtAsync(T3);
        Assert.Single(bot.DigestsTo(Staff.Liaison));

        // T-1 goes to the liaison and the head: the liaison's digest is refused as too large, the head's fails for now.
        bot.Connector.FailNext(Refuse(413, Staff.Liaison, "MessageSizeTooBig"), Refuse(503, Staff.Head));
        await bot.PassAtAsync(T1);
        Assert.Equal(2, bot.DigestsTo(Staff.Liaison).Count);
        Assert.Single(bot.DigestsTo(Staff.Head));
        Assert.All(await PlansAsync(bot, T1, "T-1"), p => Assert.Equal(ReminderStatus.Pending, p.Status)); // retried for the head

        await bot.PassAtAsync("2026-10-09 09:36");
        Assert.Equal(2, bot.DigestsTo(Staff.Head).Count); // the head gets the rung
        Assert.Equal(2, bot.DigestsTo(Staff.Liaison).Count); // the liaison is not tried again
        var t1 = await PlansAsync(bot, T1, "T-1");
        Assert.Equal(4, t1.Count);
        Assert.All(t1, p => Assert.Equal(ReminderStatus.Sent, p.Status));
        foreach (var plan in t1)
        {
            var sent = await bot.Reminders.ListRecipientsSentAsync(plan.Plan.Key, None);
            Assert.Contains(Staff.Head.AadObjectId, sent);
            Assert.Contains(Staff.Liaison.AadObjectId, sent); // kept: given up on for this rung
        }
    }
}
