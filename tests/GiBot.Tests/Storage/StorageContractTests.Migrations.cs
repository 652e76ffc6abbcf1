using GiBot.Storage;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiBot.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task Migrations_apply_once_and_are_recorded()
    {
        var database = await OpenDatabaseAsync();
        var runner = new MigrationRunner(database, Time, NullLogger<MigrationRunner>.Instance);
        Assert.Equal(AllMigrations.InOrder.Select(m => m.Version), await runner.MigrateAsync(None));
        Assert.Empty(await runner.MigrateAsync(None));
        var recorded = await database.RunAsync(c => c.QueryAsync("SELECT version FROM schema_migrations ORDER BY version", null, r => r.Int("version")!.Value, None), None);
        Assert.Equal(AllMigrations.InOrder.Select(m => m.Version), recorded);
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_both_succeed_and_apply_each_step_once()
    {
        var first = await OpenDatabaseAsync();
        var second = await OpenDatabaseAsync();
        var applied = await Task.WhenAll(
            Task.Run(() => new MigrationRunner(first, Time, NullLogger<MigrationRunner>.Instance).MigrateAsync(None)),
            Task.Run(() => new MigrationRunner(second, Time, NullLogger<MigrationRunner>.Instance).MigrateAsync(None)));
        Assert.Equal(AllMigrations.InOrder.Select(m => m.Version), applied.SelectMany(a => a).Order());
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_behind_and_is_retried()
    {
        var database = await OpenDatabaseAsync();
        var runner = new MigrationRunner(database, Time, NullLogger<MigrationRunner>.Instance);
        var broken = new Migration(900, "broken", "CREATE TABLE half_done (id INTEGER); SELECT * FROM no_such_table;", "CREATE TABLE half_done (id INTEGER); SELECT * FROM no_such_table;");
        await Assert.ThrowsAsync<StorageUnavailableException>(() => runner.MigrateAsync([.. AllMigrations.InOrder, broken], None));

        var fixedStep = broken with { Sqlite = "CREATE TABLE half_done (id INTEGER);", Postgres = "CREATE TABLE half_done (id INTEGER);" };
        Assert.Equal([900], await runner.MigrateAsync([.. AllMigrations.InOrder, fixedStep], None));
    }
}
