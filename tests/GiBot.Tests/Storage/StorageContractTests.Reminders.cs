using System.Collections.Concurrent;
using GiBot.Storage;

namespace GiBot.Tests.Storage;

public abstract partial class StorageContractTests
{
    private ReminderPlan Plan(string step = "T-3", string unit = "zfj", int minutesFromNow = 0, string period = "2026-11") =>
        new(8, unit, period, step, Time.GetUtcNow().AddMinutes(minutesFromNow), "{\"deadline\":\"2026-11-25\"}");

    [Fact]
    public async Task A_reminder_is_planned_once_claimed_when_due_and_completed_once()
    {
        var s = await StoresAsync();
        Assert.True(await s.Reminders.PlanAsync(Plan(minutesFromNow: 10), None));
        Assert.False(await s.Reminders.PlanAsync(Plan(minutesFromNow: 99), None));

        Assert.Empty(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Time.Advance(TimeSpan.FromMinutes(10));
        var claim = Assert.Single(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.Equal(Plan(minutesFromNow: 0), claim.Plan);

        Assert.True(await s.Reminders.CompleteAsync(claim.Plan.Key, claim.ClaimToken!, None));
        Assert.False(await s.Reminders.CompleteAsync(claim.Plan.Key, claim.ClaimToken!, None));
        Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.False(await s.Reminders.PlanAsync(Plan(), None));
        Assert.Equal(ReminderStatus.Sent, (await s.Reminders.GetAsync(claim.Plan.Key, None))!.Status);
    }

    [Fact]
    public async Task Each_recipient_send_is_recorded_once()
    {
        var s = await StoresAsync();
        await s.Reminders.PlanAsync(Plan(), None);
        Assert.True(await s.Reminders.RecordSendAsync(Plan().Key, "aad-1", "1:a", None));
        Assert.False(await s.Reminders.RecordSendAsync(Plan().Key, "aad-1", "1:b", None));
        Assert.True(await s.Reminders.RecordSendAsync(Plan().Key, "aad-2", null, None));
        Assert.Equal(["aad-1", "aad-2"], (await s.Reminders.ListRecipientsSentAsync(Plan().Key, None)).Order());
    }

    [Fact]
    public async Task A_forgotten_send_may_be_recorded_again_and_only_that_one_is_forgotten()
    {
        var s = await StoresAsync();
        await s.Reminders.PlanAsync(Plan(), None);
        await s.Reminders.RecordSendAsync(Plan().Key, "aad-1", null, None);
        await s.Reminders.RecordSendAsync(Plan().Key, "aad-2", null, None);
        Assert.True(await s.Reminders.ForgetSendAsync(Plan().Key, "aad-1", None));
        Assert.False(await s.Reminders.ForgetSendAsync(Plan().Key, "aad-1", None));
        Assert.Equal(["aad-2"], await s.Reminders.ListRecipientsSentAsync(Plan().Key, None));
        Assert.True(await s.Reminders.RecordSendAsync(Plan().Key, "aad-1", null, None));
    }

    [Fact]
    public async Task Reporting_cancels_the_units_pending_reminders_only()
    {
        var s = await StoresAsync();
        await s.Reminders.PlanAsync(Plan("T-3"), None);
        await s.Reminders.PlanAsync(Plan("T-1", minutesFromNow: 60), None);
        await s.Reminders.PlanAsync(Plan("T-3", unit: "wsx"), None);

        Assert.Equal(2, await s.Reminders.CancelPendingAsync(8, "zfj", "2026-11", None));

        Time.Advance(TimeSpan.FromHours(2));
        var claim = Assert.Single(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.Equal("wsx", claim.Plan.UnitId);
        Assert.Equal(
            [("8/wsx/2026-11/T-3", ReminderStatus.Pending), ("8/zfj/2026-11/T-3", ReminderStatus.Cancelled), ("8/zfj/2026-11/T-1", ReminderStatus.Cancelled)],
            (await s.Reminders.ListDueBetweenAsync(Time.GetUtcNow().AddDays(-1), Time.GetUtcNow(), None)).Select(r => (r.Plan.Key, r.Status)));
    }

    [Fact]
    public async Task Finishing_a_measure_cancels_the_units_pending_reminders_of_every_period()
    {
        var s = await StoresAsync();
        await s.Reminders.PlanAsync(Plan("T-3"), None);
        await s.Reminders.PlanAsync(Plan("T-3", minutesFromNow: 60, period: "2026-12"), None);
        await s.Reminders.PlanAsync(Plan("T-3", unit: "wsx", period: "2026-12"), None);

        Assert.Equal(2, await s.Reminders.CancelPendingAsync(8, "zfj", null, None));

        Assert.Equal(
            [("8/wsx/2026-12/T-3", ReminderStatus.Pending), ("8/zfj/2026-11/T-3", ReminderStatus.Cancelled), ("8/zfj/2026-12/T-3", ReminderStatus.Cancelled)],
            (await s.Reminders.ListDueBetweenAsync(Time.GetUtcNow().AddDays(-1), Time.GetUtcNow().AddDays(1), None)).Select(r => (r.Plan.Key, r.Status)).Order());
    }

    [Fact]
    public async Task A_failed_reminder_is_retried_later_and_a_crashed_claim_after_its_lease()
    {
        var s = await StoresAsync();
        await s.Reminders.PlanAsync(Plan(), None);
        var claim = Assert.Single(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.True(await s.Reminders.RetryLaterAsync(claim.Plan.Key, claim.ClaimToken!, Time.GetUtcNow().AddMinutes(30), "503", None));

        Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        // bot-a dies holding the claim; after the lease bot-b takes it.
        Time.Advance(TimeSpan.FromMinutes(1));
        var taken = Assert.Single(await s.Reminders.ClaimDueAsync("bot-b", 10, TimeSpan.FromMinutes(1), None));
        Assert.Equal(3, taken.Attempts);
        Assert.Equal("503", taken.LastError);
    }

    [Fact]
    public async Task Two_schedulers_claiming_concurrently_send_every_reminder_exactly_once()
    {
        const int Count = 80;
        var a = await StoresAsync();
        var b = new TestStores(await OpenDatabaseAsync(), Time);
        for (var i = 0; i < Count; i++)
        {
            await (i % 2 == 0 ? a : b).Reminders.PlanAsync(Plan(unit: $"u{i}"), None);
        }
        var sends = new ConcurrentDictionary<string, int>();

        async Task Scheduler(TestStores stores, string name)
        {
            while (true)
            {
                var batch = await stores.Reminders.ClaimDueAsync(name, 5, TimeSpan.FromMinutes(5), None);
                if (batch.Count == 0)
                {
                    return;
                }
                foreach (var reminder in batch)
                {
                    sends.AddOrUpdate(reminder.Plan.Key, 1, (_, n) => n + 1);
                    Assert.True(await stores.Reminders.CompleteAsync(reminder.Plan.Key, reminder.ClaimToken!, None));
                }
            }
        }

        await Task.WhenAll(Task.Run(() => Scheduler(a, "bot-a")), Task.Run(() => Scheduler(b, "bot-b")));

        Assert.Equal(Count, sends.Count);
        Assert.All(sends.Values, n => Assert.Equal(1, n));
    }
}
