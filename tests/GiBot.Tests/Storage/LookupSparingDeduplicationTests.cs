using GiBot.Protocol.Connector;
using GiBot.Protocol.Turns;
using GiBot.Storage;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Storage;

/// <summary>
/// With the SQLite file held by this process alone, a new activity is started without asking storage, and every
/// repeat is still dropped: while its turn runs (memory), after the memory let it go (the filter sends it to
/// storage), and after a restart (stamped before the new process began).
/// </summary>
public sealed class LookupSparingDeduplicationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    /// <summary>The store, counting the lookups that reach it.</summary>
    private sealed class CountingStore(IProcessedActivityStore inner) : IProcessedActivityStore
    {
        public int Lookups;

        public Task<bool> TryRecordAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken) =>
            inner.TryRecordAsync(conversationId, activityId, stampedAt, cancellationToken);

        public Task<bool> WasRecordedAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Lookups);
            return inner.WasRecordedAsync(conversationId, activityId, stampedAt, cancellationToken);
        }

        public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) => inner.PurgeAsync(before, cancellationToken);
    }

    private sealed record Process(StorageActivityDeduplicator Deduplicator, CountingStore Store, ConnectorClock Clock, SqliteFileLock FileLock);

    /// <summary>One bot process: its database, lock, connector clock, filter and deduplicator.</summary>
    private async Task<Process> StartAsync(string path, bool holdLock = true)
    {
        var database = new SqliteDatabase(path);
        await new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(None);
        var fileLock = new SqliteFileLock();
        if (holdLock)
        {
            fileLock.Acquire(path);
        }
        _owned.Add(fileLock);
        var sqlStore = new SqlProcessedActivityStore(database, _time);
        _owned.Add(sqlStore);
        var store = new CountingStore(sqlStore);
        var clock = new ConnectorClock(_time);
        var deduplicator = new StorageActivityDeduplicator(store, new MemoryActivityDeduplicator(_time), NullLogger<StorageActivityDeduplicator>.Instance,
            new RecordedHereFilter(clock, _time), fileLock);
        return new Process(deduplicator, store, clock, fileLock);
    }

    /// <summary>The connector answers a reply sent now, dated now.</summary>
    private void ConnectorAnswers(Process process)
    {
        using var response = new HttpResponseMessage();
        response.Headers.Date = _time.GetUtcNow();
        process.Clock.Observe(_time.GetTimestamp(), response);
    }

    /// <summary>Stamped by the channel now, once the connector's clock has shown the process began before.</summary>
    private DateTimeOffset Fresh() => _time.GetUtcNow() + TimeSpan.FromSeconds(1) + RecordedHereFilter.ClockMargin + TimeSpan.FromMilliseconds(1);

    private static async Task FinishAsync(Process process, string conversation, string activity, DateTimeOffset stamped)
    {
        Assert.True(await process.Deduplicator.TryBeginAsync(conversation, activity, stamped, None));
        await process.Deduplicator.CompleteAsync(conversation, activity, None);
    }

    [Fact]
    public async Task A_new_activity_starts_without_a_lookup_and_its_late_repeat_is_still_dropped()
    {
        var process = await StartAsync(_directory.File("gibot.db"));
        ConnectorAnswers(process);
        var stamped = Fresh();

        await FinishAsync(process, "a:chat", "m-1", stamped);
        Assert.Equal(0, process.Store.Lookups);

        // Long after the memory's grace: the filter knows this process recorded it, so storage is asked.
        _time.Advance(MemoryActivityDeduplicator.Grace + TimeSpan.FromMinutes(1));
        Assert.False(await process.Deduplicator.TryBeginAsync("a:chat", "m-1", stamped, None));
        Assert.Equal(1, process.Store.Lookups);

        Assert.True(await process.Deduplicator.TryBeginAsync("a:chat", "m-2", stamped, None));
        Assert.Equal(1, process.Store.Lookups);
    }

    [Fact]
    public async Task Before_the_connector_has_answered_every_activity_is_looked_up()
    {
        var process = await StartAsync(_directory.File("gibot.db"));
        Assert.True(await process.Deduplicator.TryBeginAsync("a:chat", "m-1", Fresh(), None));
        Assert.Equal(1, process.Store.Lookups);
    }

    [Fact]
    public async Task A_repeat_of_an_activity_finished_before_a_restart_is_dropped()
    {
        var path = _directory.File("gibot.db");
        var before = await StartAsync(path);
        ConnectorAnswers(before);
        var stamped = Fresh();
        await FinishAsync(before, "a:chat", "m-1", stamped);
        before.FileLock.Dispose();

        _time.Advance(TimeSpan.FromSeconds(30));
        var restarted = await StartAsync(path);
        ConnectorAnswers(restarted);
        // The channel retries with the activity as it was: stamped before the new process began.
        Assert.False(await restarted.Deduplicator.TryBeginAsync("a:chat", "m-1", stamped, None));
        Assert.Equal(1, restarted.Store.Lookups);
        Assert.True(await restarted.Deduplicator.TryBeginAsync("a:chat", "m-2", Fresh(), None));
        Assert.Equal(1, restarted.Store.Lookups);
    }

    [Fact]
    public async Task Without_the_file_to_itself_a_process_always_asks_storage()
    {
        var path = _directory.File("gibot.db");
        var first = await StartAsync(path);
        var second = await StartAsync(path);
        ConnectorAnswers(first);
        ConnectorAnswers(second);

        // Two holders of one file (two hosts in one process): either may have recorded what the other is asked.
        await FinishAsync(second, "a:chat", "m-1", Fresh());
        Assert.False(await first.Deduplicator.TryBeginAsync("a:chat", "m-1", Fresh(), None));
        Assert.Equal(1, first.Store.Lookups);

        var unlocked = await StartAsync(_directory.File("other.db"), holdLock: false);
        ConnectorAnswers(unlocked);
        Assert.True(await unlocked.Deduplicator.TryBeginAsync("a:chat", "m-1", Fresh(), None));
        Assert.Equal(1, unlocked.Store.Lookups);
    }
}
