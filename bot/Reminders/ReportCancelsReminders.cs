using GiBot.Storage;

namespace GiBot.Reminders;

/// <summary>
/// Wraps the update store: a stored report cancels its unit's pending reminders for that measure and period
/// (for every period when it says 已完成).
/// The sender checks for a report before each send as well, so a failure here costs nothing but a wasted claim.
/// </summary>
public sealed partial class ReportCancelsReminders(IProgressUpdateStore inner, IReminderStore reminders, ILogger<ReportCancelsReminders> logger) : IProgressUpdateStore
{
    public async Task<SubmitResult> SubmitAsync(ProgressReport report, Submitter by, string submissionKey, IReadOnlyList<NewOutboxMessage> outbox, CancellationToken cancellationToken) =>
        await CancelAfterAsync(await inner.SubmitAsync(report, by, submissionKey, outbox, cancellationToken), cancellationToken);

    public async Task<SubmitResult> CorrectAsync(string updateId, int expectedVersion, ProgressReport report, Submitter by, string submissionKey, IReadOnlyList<NewOutboxMessage> outbox, CancellationToken cancellationToken) =>
        await CancelAfterAsync(await inner.CorrectAsync(updateId, expectedVersion, report, by, submissionKey, outbox, cancellationToken), cancellationToken);

    public Task<ProgressUpdate?> GetAsync(string updateId, CancellationToken cancellationToken) => inner.GetAsync(updateId, cancellationToken);

    public Task<IReadOnlyList<ProgressUpdate>> GetHistoryAsync(string updateId, CancellationToken cancellationToken) => inner.GetHistoryAsync(updateId, cancellationToken);

    public Task<IReadOnlyList<ProgressUpdate>> ListCurrentAsync(UpdateQuery query, CancellationToken cancellationToken) => inner.ListCurrentAsync(query, cancellationToken);

    public Task<IReadOnlyList<ProgressUpdate>> ListAllVersionsAsync(CancellationToken cancellationToken) => inner.ListAllVersionsAsync(cancellationToken);

    private async Task<SubmitResult> CancelAfterAsync(SubmitResult result, CancellationToken cancellationToken)
    {
        if (result.Outcome == SubmitOutcome.Created && result.Update is { Report: var report })
        {
            try
            {
                // A unit that finished the measure is asked for nothing more: every period's plans go.
                await reminders.CancelPendingAsync(report.Measure, report.UnitId,
                    report.Status == Updates.UpdateStatus.Completed ? null : report.Period, cancellationToken);
            }
            catch (StorageUnavailableException e)
            {
                LogCancelFailed(logger, e, report.Measure, report.UnitId, report.Period);
            }
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders of measure {Measure} for {UnitId} ({Period}) not cancelled after the report; the sender will skip them")]
    private static partial void LogCancelFailed(ILogger logger, Exception exception, int measure, string unitId, string period);
}
