using GiBot.Storage;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiBot.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task The_file_and_its_directory_are_created_in_WAL_mode_with_full_sync()
    {
        var path = Path.Combine(_directory.Path, "nested", "data", "gibot.db");
        var database = new SqliteDatabase(path);
        await new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(path));
        var (journal, synchronous) = await database.RunAsync(async c =>
        {
            var journalMode = await c.QueryAsync("PRAGMA journal_mode", null, r => r.GetString(0), CancellationToken.None);
            var sync = await c.QueryAsync("PRAGMA synchronous", null, r => r.GetInt64(0), CancellationToken.None);
            return (journalMode[0], sync[0]);
        }, CancellationToken.None);
        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // FULL
    }

    [Fact]
    public async Task An_unusable_path_is_reported_as_storage_unavailable()
    {
        var blocker = _directory.File("a-file");
        await File.WriteAllTextAsync(blocker, "not a directory");
        var database = new SqliteDatabase(Path.Combine(blocker, "gibot.db"));

        var e = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None));
        Assert.Contains(blocker, e.Message);
    }

    [Theory]
    [InlineData(null, "/srv/gibot", "/srv/gibot/data/gibot.db")]
    [InlineData("state/bot.db", "/srv/gibot", "/srv/gibot/state/bot.db")]
    [InlineData("/var/lib/gibot/gibot.db", "/srv/gibot", "/var/lib/gibot/gibot.db")]
    public void A_relative_sqlite_path_is_resolved_against_the_content_root(string? configured, string contentRoot, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = configured }).Build();
        var options = StorageOptions.From(configuration, contentRoot);
        Assert.Equal(expected, options.SqlitePath);
        Assert.False(options.UsesPostgres);
    }

    [Fact]
    public void A_postgres_connection_string_selects_postgres()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=db.internal;Database=gibot;Username=gibot;Password=secret",
        }).Build();
        var database = StorageSetup.CreateDatabase(StorageOptions.From(configuration, "/srv/gibot"));
        Assert.Equal(StorageProvider.Postgres, database.Provider);
        Assert.Equal("PostgreSQL db.internal:5432/gibot", database.Description);
    }

}
