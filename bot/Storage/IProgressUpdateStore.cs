namespace GiBot.Storage;

/// <summary>Progress updates with their full correction history.</summary>
public interface IProgressUpdateStore
{
    /// <summary>
    /// Stores a new update and its relay outbox messages in one transaction. The same
    /// <paramref name="submissionKey"/> (e.g. the card's draft id) always yields the one update:
    /// double clicks, retried deliveries and a second device produce <see cref="SubmitOutcome.AlreadySubmitted"/>.
    /// </summary>
    Task<SubmitResult> SubmitAsync(ProgressReport report, Submitter by, string submissionKey, IReadOnlyList<NewOutboxMessage> outbox, CancellationToken cancellationToken);

    /// <summary>Adds version <paramref name="expectedVersion"/>+1 if <paramref name="expectedVersion"/> is still the latest.</summary>
    Task<SubmitResult> CorrectAsync(string updateId, int expectedVersion, ProgressReport report, Submitter by, string submissionKey, IReadOnlyList<NewOutboxMessage> outbox, CancellationToken cancellationToken);

    /// <summary>The latest version.</summary>
    Task<ProgressUpdate?> GetAsync(string updateId, CancellationToken cancellationToken);

    /// <summary>Every version, oldest first.</summary>
    Task<IReadOnlyList<ProgressUpdate>> GetHistoryAsync(string updateId, CancellationToken cancellationToken);

    /// <summary>Latest versions matching the query, newest first.</summary>
    Task<IReadOnlyList<ProgressUpdate>> ListCurrentAsync(UpdateQuery query, CancellationToken cancellationToken);

    /// <summary>Every version of every update, oldest first (export, backup checks).</summary>
    Task<IReadOnlyList<ProgressUpdate>> ListAllVersionsAsync(CancellationToken cancellationToken);
}
