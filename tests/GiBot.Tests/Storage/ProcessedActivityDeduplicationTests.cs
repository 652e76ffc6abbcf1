using GiBot.Protocol.Turns;
using GiBot.Storage;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiBot.Tests.Storage;

public sealed class ProcessedActivityDeduplicationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private static StorageActivityDeduplicator Deduplicator(StorageDatabase database) => new(
        new SqlProcessedActivityStore(database, TimeProvider.System),
        new MemoryActivityDeduplicator(TimeProvider.System),
        NullLogger<StorageActivityDeduplicator>.Instance);

    private async Task<T> MigratedAsync<T>(T database) where T : StorageDatabase
    {
        await new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(None);
        return database;
    }

    [Fact]
    public async Task A_repeat_seen_by_this_process_is_recognised_without_the_database()
    {
        var database = await MigratedAsync(new FlakyDatabase(_directory.File("flaky.db")));
        var deduplicator = Deduplicator(database);
        Assert.True(await deduplicator.TryBeginAsync("a:chat", "m-1", None));

        database.Down = true;
        Assert.False(await deduplicator.TryBeginAsync("a:chat", "m-1", None));
        // A new id while storage is down still runs (and its turn can tell the user nothing was saved).
        Assert.True(await deduplicator.TryBeginAsync("a:chat", "m-2", None));
        Assert.False(await deduplicator.TryBeginAsync("a:chat", "m-2", None));
    }

    [Fact]
    public async Task A_repeat_of_a_finished_turn_after_a_restart_is_recognised_from_storage()
    {
        var path = _directory.File("gibot.db");
        var before = Deduplicator(await MigratedAsync(new SqliteDatabase(path)));
        Assert.True(await before.TryBeginAsync("a:chat", "m-1", None));
        await before.CompleteAsync("a:chat", "m-1", None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var restarted = Deduplicator(new SqliteDatabase(path));
        Assert.False(await restarted.TryBeginAsync("a:chat", "m-1", None));
        Assert.True(await restarted.TryBeginAsync("a:other-chat", "m-1", None));
    }

    [Fact]
    public async Task A_turn_that_died_before_its_end_is_handled_again_after_a_restart()
    {
        var path = _directory.File("gibot.db");
        var killed = Deduplicator(await MigratedAsync(new SqliteDatabase(path)));
        Assert.True(await killed.TryBeginAsync("a:chat", "m-1", None));
        // No CompleteAsync: the process died during the turn.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var restarted = Deduplicator(new SqliteDatabase(path));
        Assert.True(await restarted.TryBeginAsync("a:chat", "m-1", None));
        Assert.False(await restarted.TryBeginAsync("a:chat", "m-1", None));
    }

    [Fact]
    public async Task A_repeat_finished_by_a_second_instance_on_the_same_file_is_recognised()
    {
        var path = _directory.File("gibot.db");
        var first = Deduplicator(await MigratedAsync(new SqliteDatabase(path)));
        var second = Deduplicator(new SqliteDatabase(path));
        // Both have their lookup connection open and its statement prepared before the other one writes.
        Assert.True(await first.TryBeginAsync("a:chat", "m-0", None));
        Assert.True(await second.TryBeginAsync("a:chat", "m-00", None));

        for (var i = 1; i <= 5; i++)
        {
            var (owner, other) = i % 2 == 0 ? (first, second) : (second, first);
            Assert.True(await owner.TryBeginAsync("a:chat", $"m-{i}", None));
            await owner.CompleteAsync("a:chat", $"m-{i}", None);
            Assert.False(await other.TryBeginAsync("a:chat", $"m-{i}", None));
        }
        // Still running on one instance (not yet recorded): the other cannot know, as before.
        Assert.True(await first.TryBeginAsync("a:chat", "m-running", None));
        Assert.True(await second.TryBeginAsync("a:chat", "m-running", None));
    }

    [Fact]
    public async Task The_lookup_sees_ids_another_connection_wrote_after_its_first_use()
    {
        var path = _directory.File("gibot.db");
        var database = await MigratedAsync(new SqliteDatabase(path));
        var store = new SqlProcessedActivityStore(database, TimeProvider.System);
        Assert.False(await store.WasRecordedAsync("a:chat", "m-1", null, None));

        await using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await other.OpenAsync();
            await other.ExecuteAsync("INSERT INTO processed_activities (stamped_at, conversation_id, activity_id, processed_at) VALUES (0, 'a:chat', 'm-1', 0)", null, None);
        }

        Assert.True(await store.WasRecordedAsync("a:chat", "m-1", null, None));
        Assert.False(await store.WasRecordedAsync("a:chat", "m-2", null, None));
        Assert.True(await store.TryRecordAsync("a:chat", "m-2", null, None));
        Assert.False(await store.TryRecordAsync("a:chat", "m-1", null, None));
        Assert.True(await store.WasRecordedAsync("a:chat", "m-2", null, None));
    }

    [Fact]
    public async Task Relaxed_durability_of_the_id_write_does_not_leak_into_other_writes()
    {
        var database = await MigratedAsync(new SqliteDatabase(_directory.File("gibot.db")));
        var deduplicator = Deduplicator(database);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(await deduplicator.TryBeginAsync("a:chat", $"m-{i}", None));
            await deduplicator.CompleteAsync("a:chat", $"m-{i}", None);
            // The pool hands out the connection the id write just used: it must be back to FULL.
            var synchronous = await database.RunAsync(async c =>
                (await c.QueryAsync("PRAGMA synchronous", null, r => r.GetInt64(0), None))[0], None);
            Assert.Equal(2, synchronous);
        }
        Assert.True(await new SqlProcessedActivityStore(database, TimeProvider.System).WasRecordedAsync("a:chat", "m-19", null, None));
    }

    [Fact]
    public async Task Ids_arriving_within_the_commit_interval_wait_for_it_and_share_one_commit()
    {
        var database = await MigratedAsync(new SqliteDatabase(_directory.File("gibot.db")));
        await using var store = new SqlProcessedActivityStore(database, TimeProvider.System) { CommitInterval = TimeSpan.FromSeconds(1) };
        // After a quiet spell an id is committed at once, well before the interval would end.
        Assert.True(await store.TryRecordAsync("a:chat", "m-0", null, None).WaitAsync(TimeSpan.FromMilliseconds(900)));
        Assert.Equal(1, store.Commits);

        var records = Enumerable.Range(1, 29).Select(i => store.TryRecordAsync("a:chat", $"m-{i}", null, None)).ToArray();
        await Task.Delay(200);
        Assert.DoesNotContain(records, r => r.IsCompleted);

        Assert.All(await Task.WhenAll(records), Assert.True);
        Assert.Equal(2, store.Commits);
        for (var i = 0; i < 30; i++)
        {
            Assert.True(await store.WasRecordedAsync("a:chat", $"m-{i}", null, None));
        }
    }
}
