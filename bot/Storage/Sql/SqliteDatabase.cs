using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace GiBot.Storage.Sql;

/// <summary>
/// One SQLite file in WAL mode. <c>synchronous=FULL</c> makes every commit durable before it
/// returns, so a write the user was told about survives a crash or power loss.
/// </summary>
public sealed class SqliteDatabase : StorageDatabase
{
    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly string _connectionString;
    private volatile bool _fileReady;

    // Physical connections (pooled sqlite3 handles) that already carry the per-connection PRAGMAs: a pool rent
    // reuses the handle, so the PRAGMAs run once per handle instead of on every open (three statements parsed per open).
    private readonly ConditionalWeakTable<object, object> _configured = new();

    public SqliteDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    public string Path { get; }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string Description => $"SQLite file {Path}";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (!_fileReady)
        {
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (_fileReady && connection.Handle is { } reused && _configured.TryGetValue(reused, out _))
            {
                return connection;
            }
            await using var pragmas = connection.CreateCommand();
            // journal_mode is stored in the file, so it is set once per process; the others hold per connection.
            pragmas.CommandText = (_fileReady ? "" : "PRAGMA journal_mode=WAL; ")
                + $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA foreign_keys=ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            _fileReady = true;
            if (connection.Handle is { } handle)
            {
                _configured.AddOrUpdate(handle, this);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A connection of its own, outside the pool, with the same PRAGMAs: for a store that keeps it open and its
    /// statements prepared (no pool rent and no SQL parse per call). It is closed, not pooled, when disposed,
    /// so PRAGMAs its owner changes never reach another store.
    /// </summary>
    public SqliteConnection OpenDedicated()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA foreign_keys=ON;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>BEGIN IMMEDIATE: the write lock is taken up front, so two writers queue instead of deadlocking.</summary>
    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
