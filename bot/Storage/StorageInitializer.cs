using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;

namespace GiBot.Storage;

/// <summary>
/// Connects and migrates once, before the bot serves. Program calls <see cref="TryStartAsync"/>
/// to fail fast with one line; as a hosted service it also runs where Program's own code does not
/// (the test host), and a second call finds the work done.
/// </summary>
public sealed partial class StorageInitializer(StorageDatabase database, MigrationRunner migrations, SqliteFileLock fileLock, ILogger<StorageInitializer> logger) : IHostedService
{
    private readonly Lazy<Task> _initialized = new(() => InitializeAsync(database, migrations, fileLock, logger));

    public bool IsReady => _initialized.IsValueCreated && _initialized.Value.IsCompletedSuccessfully;

    public Task EnsureAsync() => _initialized.Value;

    /// <summary>False, after writing one line to stderr and setting the exit code, when storage cannot be used.</summary>
    public async Task<bool> TryStartAsync()
    {
        try
        {
            await EnsureAsync();
            return true;
        }
        catch (StorageUnavailableException e)
        {
            await Console.Error.WriteLineAsync($"GiBot cannot start: {e.Message.TrimEnd('.')}. Check ConnectionStrings:Postgres or Storage:SqlitePath in appsettings.json.");
            Environment.ExitCode = 3;
            return false;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => EnsureAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task InitializeAsync(StorageDatabase database, MigrationRunner migrations, SqliteFileLock fileLock, ILogger logger)
    {
        if (database is SqliteDatabase sqlite)
        {
            fileLock.Acquire(sqlite.Path);
        }
        await migrations.MigrateAsync(CancellationToken.None);
        LogReady(logger, database.Description);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Database}")]
    private static partial void LogReady(ILogger logger, string database);
}
