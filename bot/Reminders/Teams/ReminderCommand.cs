using System.Globalization;
using System.Text.RegularExpressions;
using GiBot.Protocol.Turns;
using GiBot.Reminders.Schedule;

namespace GiBot.Reminders.Teams;

public abstract partial record ReminderCommand
{
    /// <summary>The admin command the text is, or null when it is not one (other features answer it).</summary>
    public static ReminderCommand? Parse(string text) => CommandStart.MayStartWith(text, FirstChars) ? ParseAny(text) : null;

    /// <summary>What every command can start with (the first character of each pattern below).</summary>
    private const string FirstChars = "提r";

    /// <summary>The parse without the pre-check (tests compare both).</summary>
    internal static ReminderCommand? ParseAny(string text)
    {
        var t = text.Trim().Replace('　', ' ');
        if (Plan().IsMatch(t))
        {
            return new ShowPlan();
        }
        if (Cycle().Match(t) is { Success: true } cycle)
        {
            var measure = int.Parse(cycle.Groups["n"].Value, CultureInfo.InvariantCulture);
            return CycleParser.Parse(measure, cycle.Groups["rest"].Value);
        }
        if (Nudge().Match(t) is { Success: true } nudge)
        {
            return new Nudge(int.Parse(nudge.Groups["n"].Value, CultureInfo.InvariantCulture));
        }
        return null;
    }

    [GeneratedRegex(@"^(提醒计划|reminder\s+plan|reminders\s+plan|reminder\s+schedule)$", RegexOptions.IgnoreCase)]
    private static partial Regex Plan();

    [GeneratedRegex(@"^(提醒周期|reminder\s+cycle)\s*第?\s*(?<n>\d{1,2})\s*项?(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Cycle();

    [GeneratedRegex(@"^(提醒|remind)\s*第?\s*(?<n>\d{1,2})\s*项?$", RegexOptions.IgnoreCase)]
    private static partial Regex Nudge();
}

public sealed record ShowPlan : ReminderCommand;

public sealed record Nudge(int Measure) : ReminderCommand;

/// <summary>Rule null: back to configuration. Problem set: the words were not understood (say why and an example).</summary>
public sealed record SetCycle(int Measure, CycleRule? Rule, string? Problem) : ReminderCommand;
