using GiBot.Storage;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Storage;

/// <summary>
/// What every provider must do. Each provider's subclass supplies empty, separate databases;
/// "another instance" is a second database object (its own pool and cache) on the same data.
/// </summary>
public abstract partial class StorageContractTests : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Opens the test's database (a new object each call, same data). May skip the test.</summary>
    protected abstract Task<StorageDatabase> OpenDatabaseAsync();

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<TestStores> StoresAsync()
    {
        var database = await OpenDatabaseAsync();
        await new MigrationRunner(database, Time, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        return new TestStores(database, Time);
    }

    private static readonly CancellationToken None = CancellationToken.None;

    private static ProgressReport Report(int measure = 8, string unit = "zfj", string period = "2026-11", string progress = "已完成专项检查3次") =>
        new(measure, unit, period, "推进中", 60, progress, "人手不足", "继续检查", false, null, "https://example.org/e/1");

    private static readonly Submitter Liaison = new("aad-liaison", "李联络");
}
