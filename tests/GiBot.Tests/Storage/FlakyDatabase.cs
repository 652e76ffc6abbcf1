using System.Data.Common;
using GiBot.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace GiBot.Tests.Storage;

/// <summary>A SQLite database whose server "goes away" while <see cref="Down"/> is set, as a dropped network would.</summary>
public sealed class FlakyDatabase(string path) : StorageDatabase
{
    public volatile bool Down;

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string Description => "flaky test database";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (Down)
        {
            throw new IOException("connection refused (test)");
        }
        var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
