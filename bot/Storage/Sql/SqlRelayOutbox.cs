using System.Data.Common;

namespace GiBot.Storage.Sql;

/// <summary>
/// Claiming is one UPDATE over an inner SELECT of due rows: on PostgreSQL the SELECT takes row locks
/// with SKIP LOCKED so concurrent claimers split the rows; on SQLite the statement runs inside the
/// single write lock. A claim sets a lease and a fresh token; only the token's holder may finish it.
/// </summary>
public sealed class SqlRelayOutbox(StorageDatabase database, TimeProvider time) : IRelayOutbox
{
    private const string Columns = "id, kind, dedup_key, payload, attempts, created_at, next_attempt_at, claim_token, lease_until, posted_activity_id, done_at, failed_at, last_error";

    private const string InsertSql = """
        INSERT INTO relay_outbox (kind, dedup_key, payload, created_at, next_attempt_at, attempts)
        VALUES (@kind, @key, @payload, @now, @next, 0)
        ON CONFLICT (dedup_key) DO NOTHING
        """;

    /// <summary>Also used by the update store, so messages commit with the update they relay.</summary>
    internal static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<NewOutboxMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var message in messages)
        {
            inserted += await connection.ExecuteAsync(InsertSql, transaction, cancellationToken,
                ("kind", message.Kind), ("key", message.DedupKey), ("payload", message.Payload), ("now", now), ("next", message.NotBefore ?? now));
        }
        return inserted;
    }

    public async Task<bool> EnqueueAsync(NewOutboxMessage message, CancellationToken cancellationToken) =>
        await database.InTransactionAsync((connection, transaction) => InsertAsync(connection, transaction, [message], time.GetUtcNow(), cancellationToken), cancellationToken) == 1;

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string claimer, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await database.InTransactionAsync((connection, transaction) => connection.QueryAsync($"""
            UPDATE relay_outbox SET attempts = attempts + 1, claimed_by = @claimer, claim_token = @token, lease_until = @lease
            WHERE id IN (
                SELECT id FROM relay_outbox
                WHERE done_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
                ORDER BY next_attempt_at, id
                LIMIT @max{database.SkipLocked})
            RETURNING {Columns}
            """, transaction, Read, cancellationToken,
            ("claimer", claimer), ("token", Guid.NewGuid().ToString("N")), ("lease", now + lease), ("now", now), ("max", max)), cancellationToken);
        return claimed.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToList();
    }

    public async Task<bool> RecordPostedAsync(long id, string activityId, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync(
            "UPDATE relay_outbox SET posted_activity_id = @activity WHERE id = @id AND posted_activity_id IS NULL",
            null, cancellationToken, ("activity", activityId), ("id", id)), cancellationToken) == 1;

    public async Task<bool> CompleteAsync(long id, string claimToken, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync(
            "UPDATE relay_outbox SET done_at = @now, lease_until = NULL, last_error = NULL WHERE id = @id AND claim_token = @token AND done_at IS NULL AND failed_at IS NULL",
            null, cancellationToken, ("now", time.GetUtcNow()), ("id", id), ("token", claimToken)), cancellationToken) == 1;

    public async Task<bool> RetryLaterAsync(long id, string claimToken, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync(
            "UPDATE relay_outbox SET next_attempt_at = @next, lease_until = NULL, claim_token = NULL, last_error = @error WHERE id = @id AND claim_token = @token AND done_at IS NULL AND failed_at IS NULL",
            null, cancellationToken, ("next", nextAttemptAt), ("error", error), ("id", id), ("token", claimToken)), cancellationToken) == 1;

    public async Task<bool> GiveUpAsync(long id, string claimToken, string reason, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync(
            "UPDATE relay_outbox SET failed_at = @now, lease_until = NULL, last_error = @reason WHERE id = @id AND claim_token = @token AND done_at IS NULL AND failed_at IS NULL",
            null, cancellationToken, ("now", time.GetUtcNow()), ("reason", reason), ("id", id), ("token", claimToken)), cancellationToken) == 1;

    public Task<OutboxMessage?> GetAsync(long id, CancellationToken cancellationToken) =>
        database.RunAsync(connection => connection.QuerySingleAsync($"SELECT {Columns} FROM relay_outbox WHERE id = @id", null, Read, cancellationToken, ("id", id)), cancellationToken);

    public async Task<IReadOnlyList<OutboxMessage>> ListGivenUpAsync(CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.QueryAsync(
            $"SELECT {Columns} FROM relay_outbox WHERE failed_at IS NOT NULL ORDER BY failed_at DESC, id DESC", null, Read, cancellationToken), cancellationToken);

    public async Task<int> RequeueGivenUpAsync(CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync(
            "UPDATE relay_outbox SET failed_at = NULL, next_attempt_at = @now, attempts = 0, claim_token = NULL, lease_until = NULL WHERE failed_at IS NOT NULL AND done_at IS NULL",
            null, cancellationToken, ("now", time.GetUtcNow())), cancellationToken);

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        (int)(await database.RunAsync(connection => connection.QueryAsync(
            "SELECT COUNT(*) AS n FROM relay_outbox WHERE done_at IS NULL AND failed_at IS NULL", null, r => r.Long("n") ?? 0, cancellationToken), cancellationToken))[0];

    private static OutboxMessage Read(DbDataReader r) => new(
        r.Long("id")!.Value, r.RequiredText("kind"), r.RequiredText("dedup_key"), r.RequiredText("payload"), r.Int("attempts")!.Value,
        r.RequiredTime("created_at"), r.RequiredTime("next_attempt_at"), r.Text("claim_token"), r.Time("lease_until"),
        r.Text("posted_activity_id"), r.Time("done_at"), r.Time("failed_at"), r.Text("last_error"));
}
