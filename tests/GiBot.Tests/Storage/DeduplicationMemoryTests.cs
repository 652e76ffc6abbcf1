using GiBot.Protocol.Turns;
using GiBot.Storage;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Storage;

/// <summary>
/// The memory of seen activity ids holds an id while its turn runs, only a short grace once storage recorded it
/// (storage answers repeats from then on), and the full window where storage could not record it.
/// </summary>
public sealed class DeduplicationMemoryTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private async Task<FlakyDatabase> DatabaseAsync(string name = "flaky.db")
    {
        var database = new FlakyDatabase(_directory.File(name));
        await new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(None);
        return database;
    }

    private StorageActivityDeduplicator Deduplicator(StorageDatabase database, MemoryActivityDeduplicator memory) =>
        new(new SqlProcessedActivityStore(database, _time), memory, NullLogger<StorageActivityDeduplicator>.Instance);

    [Fact]
    public async Task A_recorded_id_leaves_memory_after_the_grace_and_storage_still_drops_its_repeat()
    {
        var memory = new MemoryActivityDeduplicator(_time);
        var deduplicator = Deduplicator(await DatabaseAsync(), memory);

        Assert.True(await deduplicator.TryBeginAsync("a:chat", "m-1", None));
        // During the turn: dropped by memory.
        Assert.False(await deduplicator.TryBeginAsync("a:chat", "m-1", None));
        await deduplicator.CompleteAsync("a:chat", "m-1", None);
        Assert.Equal(1, memory.Count);
        // Right after it, within the grace: still dropped.
        Assert.False(await deduplicator.TryBeginAsync("a:chat", "m-1", None));

        _time.Advance(MemoryActivityDeduplicator.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(0, memory.Count);
        // After the grace: storage drops it, and memory does not take it back for the window.
        Assert.False(await deduplicator.TryBeginAsync("a:chat", "m-1", None));
        _time.Advance(MemoryActivityDeduplicator.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(0, memory.Count);
        Assert.False(await deduplicator.TryBeginAsync("a:chat", "m-1", None));
    }

    [Fact]
    public async Task An_id_storage_failed_to_record_is_kept_in_memory_for_the_window()
    {
        var memory = new MemoryActivityDeduplicator(_time);
        var database = await DatabaseAsync();
        var deduplicator = Deduplicator(database, memory);
        Assert.True(await deduplicator.TryBeginAsync("a:chat", "m-1", None));

        database.Down = true;
        await deduplicator.CompleteAsync("a:chat", "m-1", None);
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(1, memory.Count);
        Assert.False(await deduplicator.TryBeginAsync("a:chat", "m-1", None));

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(0, memory.Count);
        // Past the window with storage still down nothing knows the id any more (as before: the window is the promise).
        Assert.True(await deduplicator.TryBeginAsync("a:chat", "m-1", None));
    }

    [Fact]
    public async Task A_turn_stopped_before_its_end_is_not_recorded_but_dropped_here_for_the_window()
    {
        var memory = new MemoryActivityDeduplicator(_time);
        var path = _directory.File("gibot.db");
        var database = await DatabaseAsync("gibot.db");
        var deduplicator = Deduplicator(database, memory);
        Assert.True(await deduplicator.TryBeginAsync("a:chat", "m-1", None));
        deduplicator.Abandon("a:chat", "m-1");

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(await deduplicator.TryBeginAsync("a:chat", "m-1", None));
        // Another process on the same file (a restart) handles the channel's retry: nothing was recorded.
        var restarted = Deduplicator(new SqliteDatabase(path), new MemoryActivityDeduplicator(_time));
        Assert.True(await restarted.TryBeginAsync("a:chat", "m-1", None));
    }

    [Fact]
    public async Task A_recorded_id_is_dropped_after_a_restart_once_memory_let_it_go()
    {
        var path = _directory.File("gibot.db");
        await DatabaseAsync("gibot.db");
        var memory = new MemoryActivityDeduplicator(_time);
        var before = Deduplicator(new SqliteDatabase(path), memory);
        Assert.True(await before.TryBeginAsync("a:chat", "m-1", None));
        await before.CompleteAsync("a:chat", "m-1", None);
        _time.Advance(MemoryActivityDeduplicator.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(0, memory.Count);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var restarted = Deduplicator(new SqliteDatabase(path), new MemoryActivityDeduplicator(_time));
        Assert.False(await restarted.TryBeginAsync("a:chat", "m-1", None));
    }

    [Fact]
    public async Task A_repeat_recognised_from_storage_leaves_no_id_held_in_memory()
    {
        var path = _directory.File("gibot.db");
        await DatabaseAsync("gibot.db");
        var first = Deduplicator(new SqliteDatabase(path), new MemoryActivityDeduplicator(_time));
        Assert.True(await first.TryBeginAsync("a:chat", "m-1", None));
        await first.CompleteAsync("a:chat", "m-1", None);

        var memory = new MemoryActivityDeduplicator(_time);
        var second = Deduplicator(new SqliteDatabase(path), memory);
        Assert.False(await second.TryBeginAsync("a:chat", "m-1", None));
        _time.Advance(MemoryActivityDeduplicator.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(0, memory.Count);
    }

    [Fact]
    public async Task Without_a_store_a_finished_id_is_kept_for_the_window_and_running_ids_until_they_end()
    {
        var memory = new MemoryActivityDeduplicator(_time);
        Assert.True(await memory.TryBeginAsync("a:chat", "m-1", None));
        Assert.True(await memory.TryBeginAsync("a:chat", "m-2", None));
        await memory.CompleteAsync("a:chat", "m-1", None);

        _time.Advance(MemoryActivityDeduplicator.Window - TimeSpan.FromSeconds(1));
        Assert.False(await memory.TryBeginAsync("a:chat", "m-1", None));
        Assert.False(await memory.TryBeginAsync("a:chat", "m-2", None));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await memory.TryBeginAsync("a:chat", "m-1", None));
        // Still running: held however long it takes.
        Assert.False(await memory.TryBeginAsync("a:chat", "m-2", None));
    }

    [Fact]
    public async Task Ids_kept_for_the_window_are_capped_oldest_first()
    {
        var memory = new MemoryActivityDeduplicator(_time);
        var count = MemoryActivityDeduplicator.MaxRemembered + 10;
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(await memory.TryBeginAsync("a:chat", id, None));
            await memory.CompleteAsync("a:chat", id, None);
        }
        Assert.Equal(MemoryActivityDeduplicator.MaxRemembered, memory.Count);
        Assert.True(await memory.TryBeginAsync("a:chat", "0", None));
        Assert.False(await memory.TryBeginAsync("a:chat", (count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), None));
    }
}
