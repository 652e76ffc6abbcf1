using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GiBot.Storage.Sql;

/// <summary>
/// The SQLite side of <see cref="SqlProcessedActivityStore"/>: two connections of its own, each with its one
/// statement prepared once. The reader answers "was this id recorded?" with one indexed lookup (in WAL mode it
/// never waits for the writer and sees every commit, this process's or another's, made before it runs); the
/// writer inserts batches at <c>synchronous=NORMAL</c>. Before, every call rented a pooled connection and
/// parsed its SQL again. Both step their statement through SQLitePCLRaw (the library under Microsoft.Data.Sqlite):
/// bind, step, reset, with no command, reader or boxed parameter per call. A connection that failed is closed and opened afresh on the next call.
/// </summary>
internal sealed class SqliteActivityLedger(SqliteDatabase database) : IDisposable
{
    private const string Select = "SELECT 1 FROM processed_activities WHERE stamped_at IN ($stamp, 0) AND conversation_id = $conversation AND activity_id = $activity";

    private const string Insert = """
        INSERT INTO processed_activities (stamped_at, conversation_id, activity_id, processed_at) VALUES ($stamp, $conversation, $activity, $now)
        ON CONFLICT (stamped_at, conversation_id, activity_id) DO NOTHING
        """;

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    private readonly Lock _readGate = new();
    private Lookup? _reader;
    private Insertion? _writer;

    /// <summary>
    /// The writer's connection at <c>synchronous=NORMAL</c> (durable against a process crash in WAL mode; the connection is
    /// never pooled, so FULL stays elsewhere) and its insert, stepped through the raw API like the lookup: no command,
    /// reader or boxed parameter per row.
    /// </summary>
    private sealed class Insertion(SqliteConnection connection) : PreparedStatement(connection, Insert, "PRAGMA synchronous=NORMAL")
    {
        public bool[] Run(IReadOnlyList<LedgerRow> batch)
        {
            var db = _connection.Handle!;
            var results = new bool[batch.Count];
            Check(raw.sqlite3_exec(db, "BEGIN IMMEDIATE"), db);
            try
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    try
                    {
                        Check(raw.sqlite3_bind_int64(_statement, 1, batch[i].Stamp), db);
                        Check(raw.sqlite3_bind_text(_statement, 2, batch[i].ConversationId), db);
                        Check(raw.sqlite3_bind_text(_statement, 3, batch[i].ActivityId), db);
                        Check(raw.sqlite3_bind_int64(_statement, 4, batch[i].ProcessedAt.ToUnixTimeMilliseconds()), db);
                        var rc = raw.sqlite3_step(_statement);
                        if (rc != raw.SQLITE_DONE)
                        {
                            SqliteException.ThrowExceptionForRC(rc, db);
                        }
                        results[i] = raw.sqlite3_changes(db) == 1;
                    }
                    finally
                    {
                        raw.sqlite3_reset(_statement);
                        raw.sqlite3_clear_bindings(_statement);
                    }
                }
                Check(raw.sqlite3_exec(db, "COMMIT"), db);
            }
            catch
            {
                if (raw.sqlite3_get_autocommit(db) == 0)
                {
                    raw.sqlite3_exec(db, "ROLLBACK");
                }
                throw;
            }
            return results;
        }
    }

    /// <summary>The lookup's connection and its statement, prepared once and stepped through the raw API.</summary>
    private sealed class Lookup(SqliteConnection connection) : PreparedStatement(connection, Select)
    {
        public bool Exists(string conversationId, string activityId, long stamp)
        {
            var db = _connection.Handle!;
            try
            {
                Check(raw.sqlite3_bind_int64(_statement, 1, stamp), db);
                Check(raw.sqlite3_bind_text(_statement, 2, conversationId), db);
                Check(raw.sqlite3_bind_text(_statement, 3, activityId), db);
                // The connection's busy_timeout applies to the step, as it does for a command.
                var rc = raw.sqlite3_step(_statement);
                if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
                {
                    SqliteException.ThrowExceptionForRC(rc, db);
                }
                return rc == raw.SQLITE_ROW;
            }
            finally
            {
                // Ends the read transaction, so the next lookup sees every commit made before it.
                raw.sqlite3_reset(_statement);
                raw.sqlite3_clear_bindings(_statement);
            }
        }
    }

    /// <summary>A dedicated connection (after an optional setup statement) and one statement prepared on it; both are closed together.</summary>
    private abstract class PreparedStatement : IDisposable
    {
        protected readonly SqliteConnection _connection;
        protected readonly sqlite3_stmt _statement;

        protected PreparedStatement(SqliteConnection connection, string sql, string? setup = null)
        {
            _connection = connection;
            var db = connection.Handle!;
            try
            {
                if (setup is not null)
                {
                    Check(raw.sqlite3_exec(db, setup), db);
                }
                Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
                _statement = statement;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            _statement.Dispose();
            _connection.Dispose();
        }
    }

    /// <summary>Looks under <paramref name="stamp"/> (from <see cref="LedgerStamp.ToLookUp"/>) and under <see cref="LedgerStamp.None"/>.</summary>
    public bool WasRecorded(string conversationId, string activityId, long stamp)
    {
        lock (_readGate)
        {
            try
            {
                _reader ??= new Lookup(database.OpenDedicated());
                return _reader.Exists(conversationId, activityId, stamp);
            }
            catch
            {
                _reader?.Dispose();
                _reader = null;
                throw;
            }
        }
    }

    /// <summary>Inserts the batch in one transaction; for each id, whether its row is new. Called by one writer at a time.</summary>
    public bool[] Record(IReadOnlyList<LedgerRow> batch)
    {
        try
        {
            _writer ??= new Insertion(database.OpenDedicated());
            return _writer.Run(batch);
        }
        catch
        {
            _writer?.Dispose();
            _writer = null;
            throw;
        }
    }

    public void Dispose()
    {
        lock (_readGate)
        {
            _reader?.Dispose();
            _reader = null;
        }
        _writer?.Dispose();
        _writer = null;
    }
}
