using System.Data.Common;
using System.Text;

namespace GiBot.Storage.Sql;

/// <summary>
/// One row per version; <c>is_current</c> marks the latest. The unique submission key makes a
/// repeated submit return the first result; a correction retires the current row only if it is
/// still the expected version, so two concurrent corrections cannot both win.
/// </summary>
public sealed class SqlProgressUpdateStore(StorageDatabase database, TimeProvider time) : IProgressUpdateStore
{
    private const string Columns = """
        update_id, version, submission_key, is_current, measure, unit_id, period, status, percent_complete, progress, problems,
        next_steps, major_issue, major_issue_description, evidence_url, submitted_by_aad_object_id, submitted_by_name, submitted_at
        """;

    private const string Insert = $"""
        INSERT INTO progress_updates ({Columns})
        VALUES (@id, @version, @key, 1, @measure, @unit, @period, @status, @percent, @progress, @problems,
                @next, @major, @majorText, @evidence, @by, @byName, @at)
        ON CONFLICT (submission_key) DO NOTHING
        """;

    public Task<SubmitResult> SubmitAsync(ProgressReport report, Submitter by, string submissionKey, IReadOnlyList<NewOutboxMessage> outbox, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var id = Guid.CreateVersion7().ToString("N");
            if (!await InsertVersionAsync(connection, transaction, id, 1, report, by, submissionKey, cancellationToken))
            {
                return new SubmitResult(SubmitOutcome.AlreadySubmitted, await BySubmissionKeyAsync(connection, transaction, submissionKey, cancellationToken));
            }
            await SqlRelayOutbox.InsertAsync(connection, transaction, outbox, time.GetUtcNow(), cancellationToken);
            return new SubmitResult(SubmitOutcome.Created, await VersionAsync(connection, transaction, id, 1, cancellationToken));
        }, cancellationToken);

    public Task<SubmitResult> CorrectAsync(string updateId, int expectedVersion, ProgressReport report, Submitter by, string submissionKey, IReadOnlyList<NewOutboxMessage> outbox, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await BySubmissionKeyAsync(connection, transaction, submissionKey, cancellationToken) is { } earlier)
            {
                return new SubmitResult(SubmitOutcome.AlreadySubmitted, earlier);
            }
            var retired = await connection.ExecuteAsync(
                "UPDATE progress_updates SET is_current = 0 WHERE update_id = @id AND version = @version AND is_current = 1",
                transaction, cancellationToken, ("id", updateId), ("version", expectedVersion));
            if (retired == 0)
            {
                var current = await CurrentAsync(connection, transaction, updateId, cancellationToken);
                return new SubmitResult(current is null ? SubmitOutcome.NotFound : SubmitOutcome.Conflict, current);
            }
            if (!await InsertVersionAsync(connection, transaction, updateId, expectedVersion + 1, report, by, submissionKey, cancellationToken))
            {
                // The same key committed meanwhile by another instance: roll back our retirement.
                throw new StorageUnavailableException("A concurrent correction with the same submission key was stored; retry to read it.");
            }
            await SqlRelayOutbox.InsertAsync(connection, transaction, outbox, time.GetUtcNow(), cancellationToken);
            return new SubmitResult(SubmitOutcome.Created, await VersionAsync(connection, transaction, updateId, expectedVersion + 1, cancellationToken));
        }, cancellationToken);

    public Task<ProgressUpdate?> GetAsync(string updateId, CancellationToken cancellationToken) =>
        database.RunAsync(connection => CurrentAsync(connection, null, updateId, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<ProgressUpdate>> GetHistoryAsync(string updateId, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.QueryAsync(
            $"SELECT {Columns} FROM progress_updates WHERE update_id = @id ORDER BY version", null, Read, cancellationToken, ("id", updateId)), cancellationToken);

    public async Task<IReadOnlyList<ProgressUpdate>> ListCurrentAsync(UpdateQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM progress_updates WHERE is_current = 1");
        var parameters = new List<(string, object?)>();
        void Filter(string column, string name, object? value)
        {
            if (value is not null)
            {
                sql.Append($" AND {column} = @{name}");
                parameters.Add((name, value));
            }
        }
        Filter("measure", "measure", query.Measure);
        Filter("unit_id", "unit", query.UnitId);
        Filter("period", "period", query.Period);
        Filter("submitted_by_aad_object_id", "by", query.SubmittedByAadObjectId);
        sql.Append(" ORDER BY submitted_at DESC, update_id DESC");
        return await database.RunAsync(connection => connection.QueryAsync(sql.ToString(), null, Read, cancellationToken, [.. parameters]), cancellationToken);
    }

    public async Task<IReadOnlyList<ProgressUpdate>> ListAllVersionsAsync(CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.QueryAsync(
            $"SELECT {Columns} FROM progress_updates ORDER BY submitted_at, update_id, version", null, Read, cancellationToken), cancellationToken);

    private async Task<bool> InsertVersionAsync(DbConnection connection, DbTransaction transaction, string id, int version, ProgressReport report, Submitter by, string submissionKey, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(Insert, transaction, cancellationToken,
            ("id", id), ("version", version), ("key", submissionKey), ("measure", report.Measure), ("unit", report.UnitId),
            ("period", report.Period), ("status", report.Status), ("percent", report.PercentComplete), ("progress", report.Progress),
            ("problems", report.Problems), ("next", report.NextSteps), ("major", report.MajorIssue), ("majorText", report.MajorIssueDescription),
            ("evidence", report.EvidenceUrl), ("by", by.AadObjectId), ("byName", by.Name), ("at", time.GetUtcNow())) == 1;

    private static Task<ProgressUpdate?> BySubmissionKeyAsync(DbConnection connection, DbTransaction? transaction, string key, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync($"SELECT {Columns} FROM progress_updates WHERE submission_key = @key", transaction, Read, cancellationToken, ("key", key));

    private static Task<ProgressUpdate?> CurrentAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync($"SELECT {Columns} FROM progress_updates WHERE update_id = @id AND is_current = 1", transaction, Read, cancellationToken, ("id", id));

    private static Task<ProgressUpdate?> VersionAsync(DbConnection connection, DbTransaction transaction, string id, int version, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync($"SELECT {Columns} FROM progress_updates WHERE update_id = @id AND version = @version", transaction, Read, cancellationToken, ("id", id), ("version", version));

    private static ProgressUpdate Read(DbDataReader r) => new(
        r.RequiredText("update_id"),
        r.Int("version")!.Value,
        new ProgressReport(r.Int("measure")!.Value, r.RequiredText("unit_id"), r.RequiredText("period"), r.RequiredText("status"),
            r.Int("percent_complete"), r.RequiredText("progress"), r.Text("problems"), r.Text("next_steps"), r.Bool("major_issue"),
            r.Text("major_issue_description"), r.Text("evidence_url")),
        new Submitter(r.RequiredText("submitted_by_aad_object_id"), r.Text("submitted_by_name")),
        r.RequiredTime("submitted_at"),
        r.Bool("is_current"));
}
