using GiBot.Storage;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiBot.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task A_stamped_id_is_found_by_its_stamp_from_another_instance()
    {
        var a = await StoresAsync();
        var b = new TestStores(await OpenDatabaseAsync(), Time);
        var stamp = Time.GetUtcNow().AddSeconds(-2);
        Assert.True(await a.Activities.TryRecordAsync("a:chat", "m-1", stamp, None));

        Assert.True(await b.Activities.WasRecordedAsync("a:chat", "m-1", stamp, None));
        Assert.False(await b.Activities.TryRecordAsync("a:chat", "m-1", stamp, None));
        Assert.False(await b.Activities.WasRecordedAsync("a:chat", "m-2", stamp, None));
        Assert.False(await b.Activities.WasRecordedAsync("a:other-chat", "m-1", stamp, None));
    }

    [Fact]
    public async Task An_id_recorded_without_a_usable_stamp_is_found_whatever_stamp_the_repeat_carries()
    {
        var s = await StoresAsync();
        var now = Time.GetUtcNow();
        Assert.True(await s.Activities.TryRecordAsync("a:chat", "unstamped", null, None));
        var farFromTheClock = now.AddHours(-3);
        Assert.True(await s.Activities.TryRecordAsync("a:chat", "stale", farFromTheClock, None));

        Assert.True(await s.Activities.WasRecordedAsync("a:chat", "unstamped", now, None));
        Assert.True(await s.Activities.WasRecordedAsync("a:chat", "stale", farFromTheClock, None));
        Assert.False(await s.Activities.TryRecordAsync("a:chat", "stale", farFromTheClock, None));
    }

    [Fact]
    public async Task A_lookup_later_than_the_tolerance_still_finds_a_stamped_id()
    {
        var s = await StoresAsync();
        var stamp = Time.GetUtcNow();
        Assert.True(await s.Activities.TryRecordAsync("a:chat", "m-1", stamp, None));
        Time.Advance(LedgerStamp.Tolerance + TimeSpan.FromHours(5));
        Assert.True(await s.Activities.WasRecordedAsync("a:chat", "m-1", stamp, None));
    }

    [Fact]
    public async Task Stamped_ids_age_by_their_stamp_and_unstamped_ones_by_when_they_were_processed()
    {
        var s = await StoresAsync();
        var now = Time.GetUtcNow();
        Assert.True(await s.Activities.TryRecordAsync("a:chat", "stamped-earlier", now.AddMinutes(-40), None));
        Assert.True(await s.Activities.TryRecordAsync("a:chat", "stamped-now", now, None));
        Assert.True(await s.Activities.TryRecordAsync("a:chat", "unstamped", null, None));

        Assert.Equal(1, await s.Activities.PurgeAsync(now.AddMinutes(-20), None));
        Assert.False(await s.Activities.WasRecordedAsync("a:chat", "stamped-earlier", now.AddMinutes(-40), None));
        Assert.True(await s.Activities.WasRecordedAsync("a:chat", "stamped-now", now, None));
        Assert.True(await s.Activities.WasRecordedAsync("a:chat", "unstamped", null, None));

        Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(2, await s.Activities.PurgeAsync(Time.GetUtcNow().AddDays(-2), None));
    }

    [Fact]
    public async Task Ids_recorded_before_the_stamped_ledger_are_still_found_after_the_migration()
    {
        var database = await OpenDatabaseAsync();
        var runner = new MigrationRunner(database, Time, NullLogger<MigrationRunner>.Instance);
        await runner.MigrateAsync([.. AllMigrations.InOrder.Where(m => m.Version < 3)], None);
        await database.RunAsync(c => c.ExecuteAsync(
            "INSERT INTO processed_activities (conversation_id, activity_id, processed_at) VALUES ('a:chat', 'before', @at)",
            null, None, ("at", Time.GetUtcNow())), None);
        Assert.Equal([3], (await runner.MigrateAsync(None)).Where(v => v == 3));

        var s = new TestStores(database, Time);
        Assert.True(await s.Activities.WasRecordedAsync("a:chat", "before", Time.GetUtcNow(), None));
        Assert.False(await s.Activities.TryRecordAsync("a:chat", "before", null, None));
        Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await s.Activities.PurgeAsync(Time.GetUtcNow().AddDays(-2), None));
    }
}
