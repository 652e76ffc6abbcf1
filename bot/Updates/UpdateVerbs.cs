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

    /// <summary>For a measure or reminder card: opens the update card for <paramref name="measure"/>.</summary>
    public static JsonObject StartData(int? measure, Language language)
    {
        var data = new JsonObject { ["verb"] = Start, ["lang"] = language.Tag() };
        if (measure is not null)
        {
            data[MeasureKey] = measure.Value;
        }
        return data;
    }

    public static JsonObject DraftData(string verb, string draftId, Language language) =>
        new() { ["verb"] = verb, ["lang"] = language.Tag(), [DraftIdKey] = draftId };

    public static JsonObject RestartData(int? measure, Language language)
    {
        var data = new JsonObject { ["verb"] = Restart, ["lang"] = language.Tag() };
        if (measure is not null)
        {
            data[MeasureKey] = measure.Value;
        }
        return data;
    }

    public static JsonObject CorrectData(string updateId, Language language) =>
        new() { ["verb"] = Correct, ["lang"] = language.Tag(), [UpdateIdKey] = updateId };
}
