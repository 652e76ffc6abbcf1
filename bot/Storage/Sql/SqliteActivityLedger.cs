using Microsoft.Data.Sqlite;

namespace GiBot.Storage.Sql;

/// <summary>
/// The SQLite side of <see cref="SqlProcessedActivityStore"/>: two connections of its own, each with its one
/// statement prepared once. The reader answers "was this id recorded?" with one indexed lookup (in WAL mode it
/// never waits for the writer and sees every commit, this process's or another's, made before it runs); the
/// writer inserts batches at <c>synchronous=NORMAL</c>. Before, every call rented a pooled connection and
/// parsed its SQL again. A connection that failed is closed and opened afresh on the next call.
/// </summary>
internal sealed class SqliteActivityLedger(SqliteDatabase database) : IDisposable
{
    private const string Select = "SELECT 1 FROM processed_activities WHERE conversation_id = $conversation AND activity_id = $activity";

    private const string Insert = """
        INSERT INTO processed_activities (conversation_id, activity_id, processed_at) VALUES ($conversation, $activity, $now)
        ON CONFLICT (conversation_id, activity_id) DO NOTHING
        """;

    private readonly Lock _readGate = new();
    private Statement? _reader;
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

    public bool WasRecorded(string conversationId, string activityId)
    {
        lock (_readGate)
        {
            try
            {
                _reader ??= new Statement(database.OpenDedicated(), Select, "$conversation", "$activity");
                _reader.Command.Parameters[0].Value = conversationId;
                _reader.Command.Parameters[1].Value = activityId;
                return _reader.Command.ExecuteScalar() is not null;
            }
            catch
            {
                Reset(ref _reader);
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
            Reset(ref _reader);
        }
        Reset(ref _writer);
    }
}
