using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GiBot.Storage.Sql;

/// <summary>
/// The SQLite side of <see cref="SqlProcessedActivityStore"/>: two connections of its own, each with its one
/// statement prepared once. The reader answers "was this id recorded?" with one indexed lookup (in WAL mode it
/// never waits for the writer and sees every commit, this process's or another's, made before it runs); the
/// writer inserts batches at <c>synchronous=NORMAL</c>. Before, every call rented a pooled connection and
/// parsed its SQL again. The lookup steps its statement through SQLitePCLRaw (the library under Microsoft.Data.Sqlite):
/// bind, step, reset, with no reader object per call. A connection that failed is closed and opened afresh on the next call.
/// </summary>
internal sealed class SqliteActivityLedger(SqliteDatabase database) : IDisposable
{
    private const string Select = "SELECT 1 FROM processed_activities WHERE conversation_id = $conversation AND activity_id = $activity";

    private const string Insert = """
        INSERT INTO processed_activities (conversation_id, activity_id, processed_at) VALUES ($conversation, $activity, $now)
        ON CONFLICT (conversation_id, activity_id) DO NOTHING
        """;

    private readonly Lock _readGate = new();
    private Lookup? _reader;
    private Statement? _writer;

    /// <summary>One connection and its prepared statement.</summary>
    private sealed class Statement : IDisposable
    {
        public Statement(SqliteConnection connection, string sql, params string[] parameters)
        {
            Connection = connection;
            Command = connection.CreateCommand();
            Command.CommandText = sql;
            foreach (var name in parameters)
            {
                Command.Parameters.Add(new SqliteParameter(name, null));
            }
            Command.Prepare();
        }

        public SqliteConnection Connection { get; }

        public SqliteCommand Command { get; }

        public void Dispose()
        {
            Command.Dispose();
            Connection.Dispose();
        }
    }

    /// <summary>The lookup's connection and its statement, prepared once and stepped through the raw API.</summary>
    private sealed class Lookup : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _statement;

        public Lookup(SqliteConnection connection)
        {
            _connection = connection;
            var db = connection.Handle!;
            var rc = raw.sqlite3_prepare_v2(db, Select, out var statement);
            if (rc != raw.SQLITE_OK)
            {
                try
                {
                    SqliteException.ThrowExceptionForRC(rc, db);
                }
                finally
                {
                    statement?.Dispose();
                    connection.Dispose();
                }
            }
            _statement = statement;
        }

        public bool Exists(string conversationId, string activityId)
        {
            var db = _connection.Handle!;
            try
            {
                Check(raw.sqlite3_bind_text(_statement, 1, conversationId), db);
                Check(raw.sqlite3_bind_text(_statement, 2, activityId), db);
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

        private static void Check(int rc, sqlite3 db)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }

        public void Dispose()
        {
            _statement.Dispose();
            _connection.Dispose();
        }
    }

    public bool WasRecorded(string conversationId, string activityId)
    {
        lock (_readGate)
        {
            try
            {
                _reader ??= new Lookup(database.OpenDedicated());
                return _reader.Exists(conversationId, activityId);
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
    public bool[] Record(IReadOnlyList<(string ConversationId, string ActivityId, DateTimeOffset At)> batch)
    {
        try
        {
            if (_writer is null)
            {
                var connection = database.OpenDedicated();
                using (var normal = connection.CreateCommand())
                {
                    // Durable against a process crash in WAL mode; the connection is never pooled, so FULL stays elsewhere.
                    normal.CommandText = "PRAGMA synchronous=NORMAL";
                    normal.ExecuteNonQuery();
                }
                _writer = new Statement(connection, Insert, "$conversation", "$activity", "$now");
            }
            var results = new bool[batch.Count];
            using var transaction = _writer.Connection.BeginTransaction(deferred: false);
            _writer.Command.Transaction = transaction;
            for (var i = 0; i < batch.Count; i++)
            {
                _writer.Command.Parameters[0].Value = batch[i].ConversationId;
                _writer.Command.Parameters[1].Value = batch[i].ActivityId;
                _writer.Command.Parameters[2].Value = batch[i].At.ToUnixTimeMilliseconds();
                results[i] = _writer.Command.ExecuteNonQuery() == 1;
            }
            transaction.Commit();
            _writer.Command.Transaction = null;
            return results;
        }
        catch
        {
            Reset(ref _writer);
            throw;
        }
    }

    private static void Reset(ref Statement? statement)
    {
        statement?.Dispose();
        statement = null;
    }

    public void Dispose()
    {
        lock (_readGate)
        {
            _reader?.Dispose();
            _reader = null;
        }
        Reset(ref _writer);
    }
}
