using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GiBot.Storage.Export;

/// <summary>
/// Writes every version of every update as CSV (RFC 4180, one row per version) or as a JSON array.
/// Times are ISO 8601 in UTC.
/// </summary>
public static class UpdateExporter
{
    private static readonly string[] Header =
    [
        "update_id", "version", "is_current", "measure", "unit_id", "period", "status", "percent_complete", "progress", "problems",
        "next_steps", "major_issue", "major_issue_description", "evidence_url", "submitted_by_aad_object_id", "submitted_by_name", "submitted_at",
    ];

    public static async Task WriteCsvAsync(IReadOnlyList<ProgressUpdate> updates, TextWriter writer)
    {
        await writer.WriteAsync(string.Join(',', Header) + "\r\n");
        foreach (var update in updates)
        {
            await writer.WriteAsync(string.Join(',', Fields(update).Select(CsvField.Of)) + "\r\n");
        }
        await writer.FlushAsync();
    }

    public static async Task WriteJsonAsync(IReadOnlyList<ProgressUpdate> updates, Stream output)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var u in updates)
        {
            var r = u.Report;
            json.WriteStartObject();
            json.WriteString("updateId", u.UpdateId);
            json.WriteNumber("version", u.Version);
            json.WriteBoolean("isCurrent", u.IsCurrent);
            json.WriteNumber("measure", r.Measure);
            json.WriteString("unitId", r.UnitId);
            json.WriteString("period", r.Period);
            json.WriteString("status", r.Status);
            if (r.PercentComplete is { } percent)
            {
                json.WriteNumber("percentComplete", percent);
            }
            else
            {
                json.WriteNull("percentComplete");
            }
            json.WriteString("progress", r.Progress);
            json.WriteString("problems", r.Problems);
            json.WriteString("nextSteps", r.NextSteps);
            json.WriteBoolean("majorIssue", r.MajorIssue);
            json.WriteString("majorIssueDescription", r.MajorIssueDescription);
            json.WriteString("evidenceUrl", r.EvidenceUrl);
            json.WriteString("submittedByAadObjectId", u.SubmittedBy.AadObjectId);
            json.WriteString("submittedByName", u.SubmittedBy.Name);
            json.WriteString("submittedAt", u.SubmittedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        await json.FlushAsync();
        await output.WriteAsync("\n"u8.ToArray());
        await output.FlushAsync();
    }

    private static IEnumerable<string?> Fields(ProgressUpdate u)
    {
        var r = u.Report;
        return
        [
            u.UpdateId, u.Version.ToString(CultureInfo.InvariantCulture), u.IsCurrent ? "true" : "false", r.Measure.ToString(CultureInfo.InvariantCulture),
            r.UnitId, r.Period, r.Status, r.PercentComplete?.ToString(CultureInfo.InvariantCulture), r.Progress, r.Problems, r.NextSteps,
            r.MajorIssue ? "true" : "false", r.MajorIssueDescription, r.EvidenceUrl, u.SubmittedBy.AadObjectId, u.SubmittedBy.Name,
            u.SubmittedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ];
    }

    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
