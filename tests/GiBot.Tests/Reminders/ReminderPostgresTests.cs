using GiBot.Reminders.Sending;
using GiBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Reminders;

/// <summary>Two bot instances on one PostgreSQL send each reminder exactly once (skipped with a message without a server, like the storage tests).</summary>
public sealed class ReminderPostgresTests
{
    [Fact]
    public async Task Two_concurrent_schedulers_send_each_reminder_once()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var first = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-11-19 10:00"),
            new() { ["ConnectionStrings:Postgres"] = database.ConnectionString });
        await using var second = first.SecondInstance();
        await first.GreetAsync(Staff.Liaison, Staff.Head, Staff.Admin);
        await Task.WhenAll(first.PassAsync(), second.PassAsync());

        first.Time.SetUtcNow(ReminderBot.Beijing("2026-11-20 09:30"));
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(first.PassAsync(), second.PassAsync(), first.PassAsync(), second.PassAsync());
        }

        var rows = first.RemindersTo(Staff.Liaison);
        Assert.Equal(4, rows.Count); // T-3 of measures 8, 9, 10 and 20, once each
        Assert.Equal(4, rows.Select(GiBot.Tests.Cards.CardJson.Text).Distinct().Count());
        // One pass claims the whole rung, so the liaison gets it as one digest; two instances claiming at the very same
        // instant could split a rung between them (two digests), never put a measure in both.
        Assert.InRange(first.DigestsTo(Staff.Liaison).Count, 1, 2);
        // Both instances found the same unreachable liaison; admins are told once.
        Assert.Single(first.TextsTo(Staff.Admin), t => t.Contains(Staff.Unreachable.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_claim_taken_over_after_its_lease_expired_still_sends_each_recipient_once()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        // Every send below happens at one frozen instant. When one instance wins all eight of the liaison's sends, Teams'
        // 7 per second would hold the eighth until the fake clock moves, which this test never does (a rare hang in CI).
        await using var first = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-11-19 10:00"), new()
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Connector:RateLimits:PerConversation:0:PermitLimit"] = "1000000",
            ["Connector:RateLimits:PerConversation:1:PermitLimit"] = "1000000",
        });
        await using var second = first.SecondInstance();
        await first.GreetAsync(Staff.Liaison, Staff.Head);
        await first.PassAsync();
        first.Time.SetUtcNow(ReminderBot.Beijing("2026-11-24 09:30")); // T-1: liaison and head
        var cancel = TestContext.Current.CancellationToken;

        // The first instance claims, then stalls past its lease; the second claims the same plans anew.
        var stale = await first.Reminders.ClaimDueAsync("first", 100, TimeSpan.FromMinutes(1), cancel);
        first.Time.Advance(TimeSpan.FromMinutes(2));
        var fresh = await second.Reminders.ClaimDueAsync("second", 100, TimeSpan.FromMinutes(1), cancel);
        Assert.Equal(stale.Select(r => r.Plan.Key).Order(), fresh.Select(r => r.Plan.Key).Order());

        var now = first.Time.GetUtcNow();
        var a = first.App.Services.GetRequiredService<ReminderDispatcher>();
        var b = second.App.Services.GetRequiredService<ReminderDispatcher>();
        // Both dispatch the whole batch as digests at once: every (plan, person) is reserved before its digest goes.
        await Task.WhenAll(
            a.DispatchAsync(stale, now, DateTimeOffset.MaxValue, cancel),
            b.DispatchAsync(fresh, now, DateTimeOffset.MaxValue, cancel));

        // The missed T-3 (20 November) is caught up beside T-1, once; heads get T-1 only.
        var ours = stale.Where(r => r.Plan.UnitId == "执法稽查科").ToArray();
        Assert.Equal(4, ours.Count(r => r.Plan.Step == "T-1"));
        Assert.Equal(4, ours.Count(r => r.Plan.Step == "T-3"));
        var liaison = first.RemindersTo(Staff.Liaison);
        Assert.Equal(8, liaison.Count);
        Assert.Equal(8, liaison.Select(GiBot.Tests.Cards.CardJson.Text).Distinct().Count()); // the late T-3 rows carry the late note
        Assert.Equal(4, first.RemindersTo(Staff.Head).Count);
        // At most one digest per person, rung and instance: two rungs, split between the two instances at worst.
        Assert.InRange(first.DigestsTo(Staff.Liaison).Count, 2, 4);
        Assert.InRange(first.DigestsTo(Staff.Head).Count, 1, 2);
        foreach (var plan in ours)
        {
            var sentTo = await first.Reminders.ListRecipientsSentAsync(plan.Plan.Key, cancel);
            Assert.Contains(Staff.Liaison.AadObjectId, sentTo);
        }
    }
}
