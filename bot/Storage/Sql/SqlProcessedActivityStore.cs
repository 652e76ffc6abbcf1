using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;

namespace GiBot.Storage.Sql;

/// <summary>
/// Records processed activity ids without waiting for the disk (see <see cref="IProcessedActivityStore"/>).
/// PostgreSQL: one insert with <c>synchronous_commit=off</c> for its transaction. SQLite: concurrent
/// turns hand their ids to one writer that inserts everything waiting in one transaction with
/// <c>synchronous=NORMAL</c> (in WAL mode durable against a process crash) on a connection of its own
/// (<see cref="SqliteActivityLedger"/>) and tells each caller whether its row was new. SQLite has one write lock per
/// file: writers from many threads would queue in its busy handler, which sleeps up to 100 ms per try
/// and holds a thread-pool thread meanwhile; one writer with group commit avoids both. Under load the writer
/// commits at most once per <see cref="DefaultCommitInterval"/>, so ids arriving meanwhile share one transaction (at
/// 4,000 turns/s about 40 instead of 1–2): fewer commits, fewer wake-ups of the writer, and the lookup's connection
/// re-reads its pages once per commit, not once per id. An id arriving after a quiet spell is committed at once.
/// </summary>
public sealed class SqlProcessedActivityStore(StorageDatabase database, TimeProvider time) : IProcessedActivityStore, IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 256;

    /// <summary>
    /// The least time between the starts of two commits of the SQLite writer. A turn does not wait for its record (its
    /// answer is sent already); it only keeps its admission slot until then, so 10 ms holds ~20 more slots on average
    /// (40 at most) at 4,000 turns/s. Measured in docs/benchmarks.md ("Seventh round").
    /// </summary>
    internal static readonly TimeSpan DefaultCommitInterval = TimeSpan.FromMilliseconds(10);

    private const string Insert = """
        INSERT INTO processed_activities (stamped_at, conversation_id, activity_id, processed_at) VALUES (@stamp, @conversation, @activity, @now)
        ON CONFLICT (stamped_at, conversation_id, activity_id) DO NOTHING
        """;

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _writer;
    private int _commits;

    /// <summary>See <see cref="DefaultCommitInterval"/>; tests set a longer one.</summary>
    internal TimeSpan CommitInterval { get; init; } = DefaultCommitInterval;

    /// <summary>Transactions the SQLite writer committed so far (each holds one batch of ids).</summary>
    internal int Commits => Volatile.Read(ref _commits);

    private readonly SqliteActivityLedger? _ledger = database is SqliteDatabase sqlite ? new SqliteActivityLedger(sqlite) : null;

    private sealed record Pending(LedgerRow Row)
    {
        public TaskCompletionSource<bool> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// SQLite: the returned task completes after the writer's commit (its continuations on the thread pool, never on the
    /// writer's thread). Waiting for it cannot be cancelled: the writer finishes what it was handed, also at shutdown.
    /// </summary>
    public Task<bool> TryRecordAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stamp = LedgerStamp.ToRecord(stampedAt, now);
        if (database.Provider == StorageProvider.Postgres)
        {
            return InsertPostgresAsync(conversationId, activityId, stamp, now, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(new LedgerRow(conversationId, activityId, stamp, now));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqlProcessedActivityStore));
        }
        EnsureWriter();
        return pending.First.Task;
    }

    private async Task<bool> InsertPostgresAsync(string conversationId, string activityId, long stamp, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("SET LOCAL synchronous_commit TO OFF", transaction, cancellationToken);
            return await InsertAsync(connection, transaction, new LedgerRow(conversationId, activityId, stamp, now), cancellationToken);
        }, cancellationToken) == 1;

    public async Task<bool> WasRecordedAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken)
    {
        var stamp = LedgerStamp.ToLookUp(stampedAt);
        if (_ledger is { } ledger)
        {
            // Synchronous on purpose: one prepared lookup on the ledger's own connection, no pool rent, no hop.
            return database.Run((ledger, conversationId, activityId, stamp), static s => s.ledger.WasRecorded(s.conversationId, s.activityId, s.stamp));
        }
        return (await database.RunAsync(connection => connection.QueryAsync(
            "SELECT 1 FROM processed_activities WHERE stamped_at IN (@stamp, 0) AND conversation_id = @conversation AND activity_id = @activity", null,
            r => true, cancellationToken, ("stamp", stamp), ("conversation", conversationId), ("activity", activityId)), cancellationToken)).Count > 0;
    }

    /// <summary>Rows age by their stamp, and unstamped ones (<see cref="LedgerStamp.None"/>) by the time they were processed.</summary>
    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.RunAsync(connection => connection.ExecuteAsync(
            "DELETE FROM processed_activities WHERE (stamped_at > 0 AND stamped_at < @before) OR (stamped_at = 0 AND processed_at < @before)",
            null, cancellationToken, ("before", before)), cancellationToken);

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }
        lock (_gate)
        {
            _writer ??= Task.Run(WriteAsync);
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<LedgerRow>(MaxBatch);
        var waiting = new List<Pending>(MaxBatch);
        var lastCommit = 0L;
        while (await _pending.Reader.WaitToReadAsync())
        {
            // The machine's clock, not the store's TimeProvider: this paces work, it stamps nothing.
            var sinceLast = Stopwatch.GetElapsedTime(lastCommit);
            if (lastCommit != 0 && sinceLast < CommitInterval)
            {
                await Task.Delay(CommitInterval - sinceLast);
            }
            lastCommit = Stopwatch.GetTimestamp();
            batch.Clear();
            waiting.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next.Row);
                waiting.Add(next);
            }
            try
            {
                var first = _ledger is { } ledger
                    ? database.Run((ledger, batch), static s => s.ledger.Record(s.batch))
                    : await RecordPooledAsync(batch);
                Interlocked.Increment(ref _commits);
                for (var i = 0; i < waiting.Count; i++)
                {
                    waiting[i].First.TrySetResult(first[i]);
                }
            }
            catch (Exception e)
            {
                foreach (var pending in waiting)
                {
                    pending.First.TrySetException(e);
                }
            }
        }
    }

    /// <summary>For a SQLite database reached another way than <see cref="SqliteDatabase"/> (tests): a pooled connection per batch.</summary>
    private Task<bool[]> RecordPooledAsync(List<LedgerRow> batch) =>
        database.RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            var results = new bool[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = await InsertAsync(connection, transaction, batch[i], CancellationToken.None) == 1;
            }
            await transaction.CommitAsync(CancellationToken.None);
            return results;
        }, CancellationToken.None);

    private static Task<int> InsertAsync(DbConnection connection, DbTransaction? transaction, LedgerRow row, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Insert, transaction, cancellationToken,
            ("stamp", row.Stamp), ("conversation", row.ConversationId), ("activity", row.ActivityId), ("now", row.ProcessedAt));

    public void Dispose()
    {
        _pending.Writer.TryComplete();
        _writer?.Wait(TimeSpan.FromSeconds(5));
        _ledger?.Dispose();
    }

    /// <summary>Lets the writer finish what was handed to it.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        if (_writer is { } writer)
        {
            await writer;
        }
        _ledger?.Dispose();
    }
}
