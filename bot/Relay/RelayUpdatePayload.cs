using System.Text.Json.Serialization;
using GiBot.Storage;

namespace GiBot.Relay;

/// <summary>
/// What the relay needs to post one submitted update version to the 知识产权保护科 channel. It is
/// self-contained (a snapshot taken in the submitting transaction), so the sender never depends on
/// reading the update back, and the outbox row alone is enough to post after a restart.
/// <see cref="MajorIssueWithdrawn"/>: a correction that clears the 重大问题 of the version it replaces, so the
/// leads who were alerted are told it is withdrawn.
/// </summary>
public sealed record RelayUpdatePayload(
    string SubmissionKey,
    ProgressReport Report,
    Submitter SubmittedBy,
    DateTimeOffset SubmittedAt,
    bool IsCorrection,
    string? Language,
    bool MajorIssueWithdrawn = false);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RelayUpdatePayload))]
internal sealed partial class RelayJson : JsonSerializerContext;
