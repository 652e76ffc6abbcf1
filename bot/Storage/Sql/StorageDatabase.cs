using System.Data.Common;
using System.Net.Sockets;

namespace GiBot.Storage.Sql;

/// <summary>
/// Opens connections to the one database every store shares, and turns every provider failure
/// into <see cref="StorageUnavailableException"/>. Times are stored as Unix milliseconds (UTC)
/// in both providers so the SQL stays the same.
/// </summary>
public abstract class StorageDatabase
{
    public abstract StorageProvider Provider { get; }

    /// <summary>Where the data lives, without secrets, for log lines and error messages.</summary>
    public abstract string Description { get; }

    /// <summary>Appended to a claim's inner SELECT: rows another instance is claiming are skipped, not waited for.</summary>
    public string SkipLocked => Provider == StorageProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    public async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            return await work(connection);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction and commits; nothing is kept if anything fails.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    /// <summary>Synchronous work on a connection the caller keeps open, with the same failure mapping as <see cref="RunAsync{T}"/>.</summary>
    public TResult Run<TState, TResult>(TState state, Func<TState, TResult> work)
    {
        try
        {
            return work(state);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    private StorageUnavailableException Unavailable(Exception e) =>
        new($"Storage ({Description}) is unavailable: {e.Message}", e);

    private static bool IsUnavailable(Exception e) =>
        e is DbException or SocketException or TimeoutException or IOException or UnauthorizedAccessException
        || (e is InvalidOperationException && e.Source is "Npgsql" or "Microsoft.Data.Sqlite");
}
