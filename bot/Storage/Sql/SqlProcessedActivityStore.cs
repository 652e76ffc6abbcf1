namespace GiBot.Storage.Sql;

public sealed class SqlProcessedActivityStore(StorageDatabase database, TimeProvider time) : IProcessedActivityStore
{
    public async Task<bool> TryRecordAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync("""
            INSERT INTO processed_activities (conversation_id, activity_id, processed_at) VALUES (@conversation, @activity, @now)
            ON CONFLICT (conversation_id, activity_id) DO NOTHING
            """, null, cancellationToken, ("conversation", conversationId), ("activity", activityId), ("now", time.GetUtcNow())), cancellationToken) == 1;

    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.RunAsync(connection => connection.ExecuteAsync(
            "DELETE FROM processed_activities WHERE processed_at < @before", null, cancellationToken, ("before", before)), cancellationToken);
}
