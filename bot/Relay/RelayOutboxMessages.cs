using System.Text.Json;
using GiBot.Storage;

namespace GiBot.Relay;

/// <summary>
/// The outbox messages a submitted update produces, to be written in the same transaction as the
/// update (<see cref="IProgressUpdateStore.SubmitAsync"/>): always one reply card for the measure's
/// thread, and for a 重大问题 (or a correction withdrawing one) one prominent post that @mentions the section leads.
/// </summary>
public static class RelayOutboxMessages
{
    public const string UpdateKind = "relay.update";
    public const string MajorIssueKind = "relay.major-issue";

    public static IReadOnlyList<NewOutboxMessage> For(RelayUpdatePayload payload)
    {
        var json = JsonSerializer.Serialize(payload, RelayJson.Default.RelayUpdatePayload);
        var messages = new List<NewOutboxMessage> { new(UpdateKind, $"{UpdateKind}:{payload.SubmissionKey}", json) };
        if (payload.Report.MajorIssue || payload.MajorIssueWithdrawn)
        {
            messages.Add(new NewOutboxMessage(MajorIssueKind, $"{MajorIssueKind}:{payload.SubmissionKey}", json));
        }
        return messages;
    }

    public static RelayUpdatePayload Read(OutboxMessage message) =>
        JsonSerializer.Deserialize(message.Payload, RelayJson.Default.RelayUpdatePayload)
        ?? throw new JsonException($"Outbox message {message.Id} has an empty payload.");
}
