using GiBot.Storage.Sql;

namespace GiBot.Tests.Storage;

/// <summary>The contract suite on a real PostgreSQL server; skipped with a message when <c>GIBOT_TEST_POSTGRES</c> is unset.</summary>
public sealed class PostgresStorageContractTests : StorageContractTests
{
    private PostgresTestDatabase? _server;

    protected override async Task<StorageDatabase> OpenDatabaseAsync()
    {
        _server ??= await PostgresTestDatabase.CreateAsync();
        return _server.Open();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
