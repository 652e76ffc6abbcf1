namespace GiBot.Reminders;

/// <summary>What a press of 稍后提醒 does about the reporting deadline.</summary>
public enum SnoozeOutcome
{
    /// <summary>At the time chosen, which leaves time to report before the deadline.</summary>
    AsChosen,

    /// <summary>The time chosen would pass the deadline: moved to the latest time before it.</summary>
    MovedBeforeDeadline,

    /// <summary>The deadline has passed already: at the time chosen, saying the report is overdue.</summary>
    Overdue,

    /// <summary>The deadline is too near for any later reminder: none is set, and the person is asked to report now.</summary>
    TooNear,
}

/// <summary>The outcome, and when the snooze reminds (null when <see cref="SnoozeOutcome.TooNear"/>).</summary>
public sealed record SnoozeDecision(SnoozeOutcome Outcome, DateTimeOffset? At, DateTimeOffset Chosen);

/// <summary>
/// When a 稍后提醒 reminds again. A snooze never silently passes the reporting deadline: a time after
/// <c>deadline - SnoozeBeforeDeadline</c> is brought forward to it (or to the end of the working period before it);
/// when even that is less than <see cref="MinimumWait"/> away, no snooze is set and the person is told to report now.
/// Once the deadline has passed, the snooze goes as chosen (a late report is still wanted) and says it is overdue.
/// </summary>
public sealed class SnoozeTime(ReminderOptions options, WorkingHours hours)
{
    /// <summary>A "later" sooner than this is no snooze; asking to report now is more useful.</summary>
    public static readonly TimeSpan MinimumWait = TimeSpan.FromMinutes(15);

    /// <summary>When the option pressed (<see cref="ReminderVerbs.UntilLater"/> or <see cref="ReminderVerbs.UntilTomorrow"/>) reminds, deadline aside.</summary>
    public DateTimeOffset Chosen(string? until, DateTimeOffset now) => until == ReminderVerbs.UntilTomorrow
        ? hours.NextOpen(hours.At(hours.LocalDay(now).AddDays(1), options.SnoozeTomorrowAt))
        : hours.NextOpen(now + options.Snooze);

    /// <summary>The latest a snooze may remind for this deadline, within working hours.</summary>
    public DateTimeOffset Latest(DateTimeOffset deadline) => hours.LastOpenAtOrBefore(deadline - options.SnoozeBeforeDeadline);

    /// <summary>True when the option, pressed now, reminds at the time it says (a card offers only those).</summary>
    public bool Fits(string until, DateTimeOffset now, DateTimeOffset deadline) => now > deadline || Chosen(until, now) <= Latest(deadline);

    public SnoozeDecision Decide(string? until, DateTimeOffset now, DateTimeOffset deadline)
    {
        var chosen = Chosen(until, now);
        if (now > deadline)
        {
            return new SnoozeDecision(SnoozeOutcome.Overdue, chosen, chosen);
        }
        var latest = Latest(deadline);
        if (chosen <= latest)
        {
            return new SnoozeDecision(SnoozeOutcome.AsChosen, chosen, chosen);
        }
        return latest >= now + MinimumWait
            ? new SnoozeDecision(SnoozeOutcome.MovedBeforeDeadline, latest, chosen)
            : new SnoozeDecision(SnoozeOutcome.TooNear, null, chosen);
    }
}
