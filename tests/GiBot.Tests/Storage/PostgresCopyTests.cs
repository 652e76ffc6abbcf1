using GiBot.Storage;
using GiBot.Storage.Export;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Storage;

/// <summary>Moving from the SQLite file to PostgreSQL keeps every row, and the outbox ids keep counting.</summary>
public sealed class PostgresCopyTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private PostgresTestDatabase? _server;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Every_table_is_copied_into_an_empty_database_and_a_second_copy_is_refused()
    {
        _server = await PostgresTestDatabase.CreateAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        var sqlite = new SqliteDatabase(_directory.File("gibot.db"));
        await new MigrationRunner(sqlite, time, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        var before = new TestStores(sqlite, time);
        var update = (await before.Updates.SubmitAsync(new ProgressReport(8, "zfj", "2026-11", "推进中", 60, "检查", null, null, false, null, null),
            new Submitter("aad-1", "李联络"), "k1", [new NewOutboxMessage("relay.reply", "r1", "{}"), new NewOutboxMessage("relay.reply", "r2", "{}")], CancellationToken.None)).Update!;
        await before.Roster.UpsertAsync(new RosterEntry("aad-1", "zfj", "liaison", "aad-1", null, "李联络"), CancellationToken.None);
        await before.Drafts.SaveAsync("aad-1", "update/3", "{\"a\":1}", CancellationToken.None);
        await before.Reminders.PlanAsync(new ReminderPlan(8, "zfj", "2026-11", "T-3", time.GetUtcNow()), CancellationToken.None);
        await before.Settings.SetAsync("relay.channel", "19:ip", CancellationToken.None);

        var copied = await PostgresCopy.CopyAsync(sqlite, _server.Open(), CancellationToken.None);

        Assert.Equal(PostgresCopy.Tables.Length, copied.Count);
        var after = new TestStores(_server.Open(), time);
        Assert.Equal(update, await after.Updates.GetAsync(update.UpdateId, CancellationToken.None));
        Assert.Equal("liaison", Assert.Single(await after.Roster.ListAsync(CancellationToken.None)).Role);
        Assert.Equal("{\"a\":1}", (await after.Drafts.GetAsync("aad-1", "update/3", CancellationToken.None))!.Payload);
        Assert.NotNull(await after.Reminders.GetAsync("8/zfj/2026-11/T-3", CancellationToken.None));
        Assert.Equal("19:ip", (await after.Settings.GetAsync("relay.channel", CancellationToken.None))!.Value);
        Assert.Equal(2, await after.Outbox.CountPendingAsync(CancellationToken.None));
        Assert.True(await after.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "r3", "{}"), CancellationToken.None));
        var ids = (await after.Outbox.ClaimAsync("bot", 10, TimeSpan.FromMinutes(1), CancellationToken.None)).Select(m => m.Id).ToList();
        Assert.Equal(3, ids.Distinct().Count());

        await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresCopy.CopyAsync(sqlite, _server.Open(), CancellationToken.None));
        Assert.Single(await after.Updates.ListAllVersionsAsync(CancellationToken.None));
    }
}
