namespace GiBot.Storage;

/// <summary>What a unit reports for one measure and period (the fields of the update card).</summary>
public sealed record ProgressReport(
    int Measure,
    string UnitId,
    string Period,
    string Status,
    int? PercentComplete,
    string Progress,
    string? Problems,
    string? NextSteps,
    bool MajorIssue,
    string? MajorIssueDescription,
    string? EvidenceUrl);

/// <summary>Who submitted a version.</summary>
public sealed record Submitter(string AadObjectId, string? Name);

/// <summary>
/// One version of an update. A correction adds version n+1 and leaves n in the history;
/// <see cref="IsCurrent"/> marks the latest.
/// </summary>
public sealed record ProgressUpdate(
    string UpdateId,
    int Version,
    ProgressReport Report,
    Submitter SubmittedBy,
    DateTimeOffset SubmittedAt,
    bool IsCurrent);

public enum SubmitOutcome
{
    /// <summary>Stored now (with its outbox messages, in the same transaction).</summary>
    Created,

    /// <summary>The submission key was seen before: the earlier result is returned, nothing new stored.</summary>
    AlreadySubmitted,

    /// <summary>A correction was based on a version that is no longer the latest.</summary>
    Conflict,

    NotFound,
}

public sealed record SubmitResult(SubmitOutcome Outcome, ProgressUpdate? Update);

/// <summary>Filters for current versions; null means any.</summary>
public sealed record UpdateQuery(int? Measure = null, string? UnitId = null, string? Period = null, string? SubmittedByAadObjectId = null);
