using GiBot.Protocol.Turns;

namespace GiBot.Updates;

/// <summary>The input ids of the update card, shared by the card, the card data reader and the validator.</summary>
public static class UpdateFields
{
    public const string Measure = "measure";
    public const string Unit = "unit";
    public const string Period = "period";
    public const string Status = "status";
    public const string Percent = "percent";
    public const string Progress = "progress";
    public const string Problems = "problems";
    public const string NextSteps = "nextSteps";
    public const string MajorIssue = "majorIssue";
    public const string MajorIssueDescription = "majorIssueDescription";
    public const string EvidenceUrl = "evidenceUrl";

    /// <summary>The draft with every input the card sent; inputs the card did not carry keep their stored value.</summary>
    public static UpdateDraft WithInputs(this UpdateDraft draft, CardAction action)
    {
        string? Read(string key, string? current) => action.Data.TryGetValue(key, out var value) ? Clean(value) : current;
        return draft with
        {
            Measure = draft.MeasurePreset || draft.IsCorrection ? draft.Measure : Read(Measure, draft.Measure),
            UnitId = draft.IsCorrection ? draft.UnitId : Read(Unit, draft.UnitId),
            Period = Read(Period, draft.Period),
            Status = Read(Status, draft.Status),
            Percent = Read(Percent, draft.Percent),
            Progress = Read(Progress, draft.Progress),
            Problems = Read(Problems, draft.Problems),
            NextSteps = Read(NextSteps, draft.NextSteps),
            MajorIssue = action.Data.TryGetValue(MajorIssue, out var major) ? string.Equals(major, "true", StringComparison.OrdinalIgnoreCase) : draft.MajorIssue,
            MajorIssueDescription = Read(MajorIssueDescription, draft.MajorIssueDescription),
            EvidenceUrl = Read(EvidenceUrl, draft.EvidenceUrl),
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
