using System.Data.Common;

namespace GiBot.Storage.Sql;

/// <summary>
/// Plans are keyed uniquely, so re-planning is harmless; due plans are claimed like outbox rows
/// (SKIP LOCKED on PostgreSQL, the write lock on SQLite), and each recipient's send is recorded
/// under a unique (plan, recipient) key.
/// </summary>
public sealed class SqlReminderStore(StorageDatabase database, TimeProvider time) : IReminderStore
{
    private const string Columns = "plan_key, measure, unit_id, period, step, due_at, payload, status, attempts, claim_token, lease_until, sent_at, last_error";

    public async Task<bool> PlanAsync(ReminderPlan plan, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync("""
            INSERT INTO reminder_plans (plan_key, measure, unit_id, period, step, due_at, payload, status, attempts, created_at)
            VALUES (@key, @measure, @unit, @period, @step, @due, @payload, 'pending', 0, @now)
            ON CONFLICT DO NOTHING
            """, null, cancellationToken,
            ("key", plan.Key), ("measure", plan.Measure), ("unit", plan.UnitId), ("period", plan.Period), ("step", plan.Step),
            ("due", plan.DueAt), ("payload", plan.Payload), ("now", time.GetUtcNow())), cancellationToken) == 1;

    public async Task<IReadOnlyList<ReminderRecord>> ClaimDueAsync(string claimer, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await database.InTransactionAsync((connection, transaction) => connection.QueryAsync($"""
            UPDATE reminder_plans SET attempts = attempts + 1, claimed_by = @claimer, claim_token = @token, lease_until = @lease
            WHERE plan_key IN (
                SELECT plan_key FROM reminder_plans
                WHERE status = 'pending' AND due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
                ORDER BY due_at, plan_key
                LIMIT @max{database.SkipLocked})
            RETURNING {Columns}
            """, transaction, Read, cancellationToken,
            ("claimer", claimer), ("token", Guid.NewGuid().ToString("N")), ("lease", now + lease), ("now", now), ("max", max)), cancellationToken);
        return claimed.OrderBy(r => r.Plan.DueAt).ThenBy(r => r.Plan.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<bool> RecordSendAsync(string planKey, string recipientId, string? activityId, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync("""
            INSERT INTO reminder_sends (plan_key, recipient_id, activity_id, sent_at) VALUES (@key, @recipient, @activity, @now)
            ON CONFLICT (plan_key, recipient_id) DO NOTHING
            """, null, cancellationToken, ("key", planKey), ("recipient", recipientId), ("activity", activityId), ("now", time.GetUtcNow())), cancellationToken) == 1;

    public async Task<bool> ForgetSendAsync(string planKey, string recipientId, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync(
            "DELETE FROM reminder_sends WHERE plan_key = @key AND recipient_id = @recipient",
            null, cancellationToken, ("key", planKey), ("recipient", recipientId)), cancellationToken) == 1;

    public async Task<IReadOnlySet<string>> ListRecipientsSentAsync(string planKey, CancellationToken cancellationToken) =>
        (await database.RunAsync(connection => connection.QueryAsync(
            "SELECT recipient_id FROM reminder_sends WHERE plan_key = @key", null, r => r.RequiredText("recipient_id"), cancellationToken, ("key", planKey)), cancellationToken))
        .ToHashSet(StringComparer.Ordinal);

    public async Task<bool> CompleteAsync(string planKey, string claimToken, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync(
            "UPDATE reminder_plans SET status = 'sent', sent_at = @now, lease_until = NULL, last_error = NULL WHERE plan_key = @key AND claim_token = @token AND status = 'pending'",
            null, cancellationToken, ("now", time.GetUtcNow()), ("key", planKey), ("token", claimToken)), cancellationToken) == 1;

    public async Task<bool> RetryLaterAsync(string planKey, string claimToken, DateTimeOffset dueAt, string error, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync(
            "UPDATE reminder_plans SET due_at = @due, lease_until = NULL, claim_token = NULL, last_error = @error WHERE plan_key = @key AND claim_token = @token AND status = 'pending'",
            null, cancellationToken, ("due", dueAt), ("error", error), ("key", planKey), ("token", claimToken)), cancellationToken) == 1;

    public Task<int> CancelPendingAsync(int measure, string unitId, string? period, CancellationToken cancellationToken) =>
        database.RunAsync(connection => period is null
            ? connection.ExecuteAsync(
                "UPDATE reminder_plans SET status = 'cancelled', lease_until = NULL WHERE measure = @measure AND unit_id = @unit AND status = 'pending'",
                null, cancellationToken, ("measure", measure), ("unit", unitId))
            : connection.ExecuteAsync(
                "UPDATE reminder_plans SET status = 'cancelled', lease_until = NULL WHERE measure = @measure AND unit_id = @unit AND period = @period AND status = 'pending'",
                null, cancellationToken, ("measure", measure), ("unit", unitId), ("period", period)), cancellationToken);

    public Task<ReminderRecord?> GetAsync(string planKey, CancellationToken cancellationToken) =>
        database.RunAsync(connection => connection.QuerySingleAsync(
            $"SELECT {Columns} FROM reminder_plans WHERE plan_key = @key", null, Read, cancellationToken, ("key", planKey)), cancellationToken);

    public async Task<IReadOnlyList<ReminderRecord>> ListDueBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.QueryAsync(
            $"SELECT {Columns} FROM reminder_plans WHERE due_at >= @from AND due_at < @to ORDER BY due_at, plan_key",
            null, Read, cancellationToken, ("from", from), ("to", to)), cancellationToken);

    private static ReminderRecord Read(DbDataReader r) => new(
        new ReminderPlan(r.Int("measure")!.Value, r.RequiredText("unit_id"), r.RequiredText("period"),
            r.RequiredText("step"), r.RequiredTime("due_at"), r.Text("payload")),
        r.RequiredText("status"), r.Int("attempts")!.Value, r.Text("claim_token"), r.Time("lease_until"), r.Time("sent_at"), r.Text("last_error"));
}
