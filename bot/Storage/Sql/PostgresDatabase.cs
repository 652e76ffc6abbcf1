using System.Data.Common;
using Npgsql;

namespace GiBot.Storage.Sql;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>; several bot instances may share the database.</summary>
public sealed class PostgresDatabase : StorageDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Timeout == new NpgsqlConnectionStringBuilder().Timeout)
        {
            builder.Timeout = 5;
        }
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override string Description { get; }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
