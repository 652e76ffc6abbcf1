using GiBot.Tests.Storage;

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
        foreach (var who in new[] { Staff.Liaison, Staff.Head, Staff.Admin })
        {
            await first.SayAsync("你好", who);
        }
        await Task.WhenAll(first.PassAsync(), second.PassAsync());

        first.Time.SetUtcNow(ReminderBot.Beijing("2026-11-20 09:30"));
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(first.PassAsync(), second.PassAsync(), first.PassAsync(), second.PassAsync());
        }

        var cards = first.RemindersTo(Staff.Liaison);
        Assert.Equal(4, cards.Count); // T-3 of measures 8, 9, 10 and 20, once each
        Assert.Equal(4, cards.Select(c => c["body"]![0]!["text"]!.GetValue<string>()).Distinct().Count());
    }
}
