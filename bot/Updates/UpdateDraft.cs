using System.Text.Json;
using System.Text.Json.Serialization;

namespace GiBot.Updates;

/// <summary>
/// An update dialog in progress, stored after every step so another device or a restarted bot
/// continues it. <see cref="DraftId"/> is the submission key, so the draft submits at most once.
/// Inputs are kept as typed (even when invalid) so a re-rendered card shows them unchanged.
/// </summary>
public sealed record UpdateDraft
{
    public required string DraftId { get; init; }

    public required string Lang { get; init; }

    public string? Measure { get; init; }

    public string? UnitId { get; init; }

    public string? Period { get; init; }

    public string? Status { get; init; }

    public string? Percent { get; init; }

    public string? Progress { get; init; }

    public string? Problems { get; init; }

    public string? NextSteps { get; init; }

    public bool MajorIssue { get; init; }

    public string? MajorIssueDescription { get; init; }

    public string? EvidenceUrl { get; init; }

    /// <summary>The measure was preset (from "update 8" or a card button) rather than chosen in the card.</summary>
    public bool MeasurePreset { get; init; }

    /// <summary>For a correction: the update it corrects and the version it was based on.</summary>
    public string? CorrectsUpdateId { get; init; }

    public int? CorrectsVersion { get; init; }

    /// <summary>Set once submitted: a repeated submit of this draft shows that update's receipt.</summary>
    public string? SubmittedUpdateId { get; init; }

    public bool IsCorrection => CorrectsUpdateId is not null;

    public int? MeasureNumber => int.TryParse(Measure, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    public string ToJson() => JsonSerializer.Serialize(this, UpdateJson.Default.UpdateDraft);

    public static UpdateDraft? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, UpdateJson.Default.UpdateDraft);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UpdateDraft))]
internal sealed partial class UpdateJson : JsonSerializerContext;
