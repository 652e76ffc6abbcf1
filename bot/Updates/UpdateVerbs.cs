using System.Text.Json.Nodes;
using GiBot.Localization;

namespace GiBot.Updates;

/// <summary>
/// The card button verbs of the update dialog. Every button carries <c>lang</c>; dialog buttons carry
/// the draft id, which is also the submission key. Other features' cards (the measure card, the
/// reminder card) open the dialog with <see cref="StartData"/>.
/// </summary>
public static class UpdateVerbs
{
    public const string Prefix = "update.";
    public const string Start = "update.start";
    public const string Resume = "update.resume";
    public const string Restart = "update.restart";
    public const string Preview = "update.preview";
    public const string Edit = "update.edit";
    public const string Submit = "update.submit";
    public const string Cancel = "update.cancel";
    public const string Correct = "update.correct";

    public const string DraftIdKey = "draftId";
    public const string UpdateIdKey = "updateId";
    public const string MeasureKey = "measure";
    public const string PeriodKey = "period";
    public const string UnitKey = "unit";

    /// <summary>
    /// For a measure or reminder card: opens the update card for <paramref name="measure"/>; a reminder also names
    /// its unit and period, so a late report is filed for the period that is late, not the one open now.
    /// </summary>
    public static JsonObject StartData(int? measure, Language language, string? unit = null, string? period = null)
    {
        var data = new JsonObject { ["verb"] = Start, ["lang"] = language.Tag() };
        if (measure is not null)
        {
            data[MeasureKey] = measure.Value;
        }
        if (unit is not null)
        {
            data[UnitKey] = unit;
        }
        if (period is not null)
        {
            data[PeriodKey] = period;
        }
        return data;
    }

    public static JsonObject DraftData(string verb, string draftId, Language language) =>
        new() { ["verb"] = verb, ["lang"] = language.Tag(), [DraftIdKey] = draftId };

    /// <summary>"重新开始" after the offer to continue a draft: the same start, the draft dropped.</summary>
    public static JsonObject RestartData(int? measure, Language language, string? unit = null, string? period = null)
    {
        var data = StartData(measure, language, unit, period);
        data["verb"] = Restart;
        return data;
    }

    public static JsonObject CorrectData(string updateId, Language language) =>
        new() { ["verb"] = Correct, ["lang"] = language.Tag(), [UpdateIdKey] = updateId };
}
