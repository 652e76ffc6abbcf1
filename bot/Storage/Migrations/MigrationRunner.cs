using System.Data.Common;
using GiBot.Storage.Sql;

namespace GiBot.Storage.Migrations;

/// <summary>
/// Applies the migrations a database lacks, each in its own transaction together with its row in
/// <c>schema_migrations</c>, so a crash leaves either the whole step or none. Instances starting
/// together are serialised: PostgreSQL by an advisory lock, SQLite by its write lock (BEGIN IMMEDIATE).
/// </summary>
public sealed partial class MigrationRunner(StorageDatabase database, TimeProvider time, ILogger<MigrationRunner> logger)
{
    /// <summary>Arbitrary constant shared by every GiBot instance ("GiBotMig").</summary>
    private const long AdvisoryLockKey = 0x4769426F744D6967;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """;

    /// <summary>Returns the versions applied by this call (empty when the schema was already current).</summary>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken) =>
        MigrateAsync(AllMigrations.InOrder, cancellationToken);

    public Task<IReadOnlyList<int>> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<int>>(async connection =>
        {
            var postgres = database.Provider == StorageProvider.Postgres;
            if (postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", null, cancellationToken, ("key", AdvisoryLockKey));
            }
            try
            {
                await connection.ExecuteAsync(CreateTable, null, cancellationToken);
                var applied = new List<int>();
                foreach (var migration in migrations.OrderBy(m => m.Version))
                {
                    if (await ApplyAsync(connection, migration, postgres, cancellationToken))
                    {
                        applied.Add(migration.Version);
                    }
                }
                return applied;
            }
            finally
            {
                if (postgres)
                {
                    await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", null, CancellationToken.None, ("key", AdvisoryLockKey));
                }
            }
        }, cancellationToken);

    private async Task<bool> ApplyAsync(DbConnection connection, Migration migration, bool postgres, CancellationToken cancellationToken)
    {
        await using var transaction = postgres
            ? await connection.BeginTransactionAsync(cancellationToken)
            : ((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(deferred: false);
        await using (var check = connection.Command("SELECT COUNT(*) FROM schema_migrations WHERE version = @version", transaction, ("version", migration.Version)))
        {
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return false;
            }
        }
        await connection.ExecuteAsync(postgres ? migration.Postgres : migration.Sqlite, transaction, cancellationToken);
        await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)", transaction, cancellationToken,
            ("version", migration.Version), ("name", migration.Name), ("at", time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        await transaction.CommitAsync(cancellationToken);
        LogApplied(logger, migration.Version, migration.Name, database.Description);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name}) to {Database}")]
    private static partial void LogApplied(ILogger logger, int version, string name, string database);
}
