namespace GiBot.Storage.Sql;

/// <summary>
/// Records processed activity ids without waiting for the disk (see <see cref="IProcessedActivityStore"/>):
/// SQLite commits this write with <c>synchronous=NORMAL</c> (in WAL mode durable against a process crash;
/// the next connection open sets <c>FULL</c> again), PostgreSQL with <c>synchronous_commit=off</c> for this
/// transaction only (a server crash may lose the last ones; the database stays consistent).
/// </summary>
public sealed class SqlProcessedActivityStore(StorageDatabase database, TimeProvider time) : IProcessedActivityStore
{
    private const string Insert = """
        INSERT INTO processed_activities (conversation_id, activity_id, processed_at) VALUES (@conversation, @activity, @now)
        ON CONFLICT (conversation_id, activity_id) DO NOTHING
        """;

    public async Task<bool> TryRecordAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        await (database.Provider == StorageProvider.Postgres
            ? database.InTransactionAsync(async (connection, transaction) =>
            {
                await connection.ExecuteAsync("SET LOCAL synchronous_commit TO OFF", transaction, cancellationToken);
                return await InsertAsync(connection, transaction, conversationId, activityId, cancellationToken);
            }, cancellationToken)
            : database.RunAsync(async connection =>
            {
                await connection.ExecuteAsync("PRAGMA synchronous=NORMAL", null, cancellationToken);
                return await InsertAsync(connection, null, conversationId, activityId, cancellationToken);
            }, cancellationToken)) == 1;

    private Task<int> InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string conversationId, string activityId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Insert, transaction, cancellationToken,
            ("conversation", conversationId), ("activity", activityId), ("now", time.GetUtcNow()));

    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.RunAsync(connection => connection.ExecuteAsync(
            "DELETE FROM processed_activities WHERE processed_at < @before", null, cancellationToken, ("before", before)), cancellationToken);
}
