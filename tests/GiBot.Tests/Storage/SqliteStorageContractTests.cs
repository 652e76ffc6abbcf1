using GiBot.Storage.Sql;

namespace GiBot.Tests.Storage;

public sealed class SqliteStorageContractTests : StorageContractTests
{
    private readonly TempDirectory _directory = new();

    protected override Task<StorageDatabase> OpenDatabaseAsync() =>
        Task.FromResult<StorageDatabase>(new SqliteDatabase(_directory.File("gibot.db")));

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
