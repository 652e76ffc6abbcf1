using GiBot.Hosting;
using GiBot.Storage.Sql;

namespace GiBot.Storage;

/// <summary><c>/readyz</c> fails while the database does not answer or the schema is not migrated yet.</summary>
public sealed class StorageReadinessCheck(StorageDatabase database, StorageInitializer initializer) : IReadinessCheck
{
    public string Name => "storage";

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (!initializer.IsReady)
        {
            return "schema not migrated";
        }
        try
        {
            await database.RunAsync(connection => connection.ExecuteAsync("SELECT 1", null, cancellationToken), cancellationToken);
            return null;
        }
        catch (StorageUnavailableException e)
        {
            return "unreachable: " + (e.InnerException?.Message ?? e.Message);
        }
    }
}
