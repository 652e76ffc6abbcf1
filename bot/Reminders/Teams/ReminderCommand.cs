using System.Globalization;
using System.Text.RegularExpressions;
using GiBot.Measures.Questions;
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
            return string.IsNullOrWhiteSpace(cycle.Groups["rest"].Value)
                ? new ShowCycle(Number(cycle))
                : CycleParser.Parse(Number(cycle), cycle.Groups["rest"].Value);
        }
        if (Nudge().Match(t) is { Success: true } nudge)
        {
            return new Nudge(Number(nudge));
        }
        return null;
    }

    private static int Number(Match match)
    {
        var value = match.Groups["n"].Value;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : ChineseNumerals.Parse(value);
    }

    // 8, 第8项, 第八项措施, measure 8.
    private const string Measure = @"(?:measure\s*)?第?\s*(?<n>\d{1,2}|[零〇一二两三四五六七八九十]{1,3})\s*(?:项(?:措施)?)?";

    [GeneratedRegex(@"^(提醒计划|reminder\s+plan|reminders\s+plan|reminder\s+schedule)$", RegexOptions.IgnoreCase)]
    private static partial Regex Plan();

    [GeneratedRegex($@"^(提醒周期|reminder\s+cycle)\s*{Measure}(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Cycle();

    [GeneratedRegex($@"^(提醒|remind)\s*{Measure}$", RegexOptions.IgnoreCase)]
    private static partial Regex Nudge();
}

public sealed record ShowPlan : ReminderCommand;

public sealed record Nudge(int Measure) : ReminderCommand;

/// <summary>"提醒周期 8" alone: the measure's cycle in force, and how to change it.</summary>
public sealed record ShowCycle(int Measure) : ReminderCommand;

/// <summary>Rule null: back to configuration. Problem set: the words were not understood (say why and an example).</summary>
public sealed record SetCycle(int Measure, CycleRule? Rule, CycleProblem? Problem) : ReminderCommand;

/// <summary>Why a cycle was refused, in both languages (the reply's language is known only later).</summary>
public sealed record CycleProblem(string Chinese, string English);
