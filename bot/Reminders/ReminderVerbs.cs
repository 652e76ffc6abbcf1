using System.Text.Json.Nodes;
using GiBot.Localization;
using GiBot.Storage;

namespace GiBot.Reminders;

/// <summary>The reminder card's own buttons; 立即填报 uses the update dialog's <c>UpdateVerbs.StartData</c>.</summary>
public static class ReminderVerbs
{
    public const string Prefix = "reminder.";
    public const string Snooze = "reminder.snooze";
    public const string NoChange = "reminder.nochange";

    public const string MeasureKey = "measure";
    public const string UnitKey = "unit";
    public const string PeriodKey = "period";
    public const string UntilKey = "until";
    public const string UntilLater = "later";
    public const string UntilTomorrow = "tomorrow";

    public static JsonObject SnoozeData(ReminderPlan plan, string until, Language language) =>
        With(Snooze, plan, language, until);

    public static JsonObject NoChangeData(ReminderPlan plan, Language language) => With(NoChange, plan, language, null);

    private static JsonObject With(string verb, ReminderPlan plan, Language language, string? until)
    {
        var data = new JsonObject
        {
            ["verb"] = verb,
            ["lang"] = language.Tag(),
            [MeasureKey] = plan.Measure,
            [UnitKey] = plan.UnitId,
            [PeriodKey] = plan.Period,
        };
        if (until is not null)
        {
            data[UntilKey] = until;
        }
        return data;
    }
}
