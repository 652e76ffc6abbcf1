using GiBot.Reminders;

namespace GiBot.Tests.Reminders;

/// <summary>
/// When 稍后提醒 reminds, against a deadline of Wednesday 25 November 2026 17:00 (default options: 2 hours later or
/// tomorrow 09:00, at the latest one hour before the deadline, working hours 09:00–17:30).
/// </summary>
public sealed class SnoozeTimeTests
{
    private static readonly ReminderOptions Options = new();

    private static readonly SnoozeTime Snooze = new(Options, new WorkingHours(Options, WorkingDayCalendar.LoadEmbedded()));

    private static readonly DateTimeOffset Deadline = ReminderBot.Beijing("2026-11-25 17:00");

    [Theory]
    [InlineData("2026-11-25 10:00", ReminderVerbs.UntilLater, SnoozeOutcome.AsChosen, "2026-11-25 12:00")]
    [InlineData("2026-11-24 10:00", ReminderVerbs.UntilTomorrow, SnoozeOutcome.AsChosen, "2026-11-25 09:00")]
    [InlineData("2026-11-25 10:00", ReminderVerbs.UntilTomorrow, SnoozeOutcome.MovedBeforeDeadline, "2026-11-25 16:00")]
    [InlineData("2026-11-25 14:30", ReminderVerbs.UntilLater, SnoozeOutcome.MovedBeforeDeadline, "2026-11-25 16:00")]
    [InlineData("2026-11-25 15:50", ReminderVerbs.UntilLater, SnoozeOutcome.TooNear, null)]
    [InlineData("2026-11-25 16:59", ReminderVerbs.UntilTomorrow, SnoozeOutcome.TooNear, null)]
    [InlineData("2026-11-25 17:10", ReminderVerbs.UntilLater, SnoozeOutcome.Overdue, "2026-11-26 09:00")]
    public void A_snooze_never_passes_the_deadline_unless_it_has_passed_already(string now, string until, SnoozeOutcome outcome, string? at)
    {
        var decision = Snooze.Decide(until, ReminderBot.Beijing(now), Deadline);
        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(at is null ? null : ReminderBot.Beijing(at), decision.At);
        Assert.Equal(Snooze.Chosen(until, ReminderBot.Beijing(now)), decision.Chosen);
        if (decision.At is { } when && outcome != SnoozeOutcome.Overdue)
        {
            Assert.True(when <= Deadline - Options.SnoozeBeforeDeadline);
        }
    }

    [Fact]
    public void Before_a_morning_deadline_a_snooze_comes_at_the_end_of_the_previous_working_day()
    {
        // Monday 30 November 09:30: an hour before is outside working hours, so the last working minute before it, Friday 17:29.
        var decision = Snooze.Decide(ReminderVerbs.UntilTomorrow, ReminderBot.Beijing("2026-11-27 10:00"), ReminderBot.Beijing("2026-11-30 09:30"));
        Assert.Equal(SnoozeOutcome.MovedBeforeDeadline, decision.Outcome);
        Assert.Equal(ReminderBot.Beijing("2026-11-27 17:29"), decision.At);
        Assert.Equal(ReminderBot.Beijing("2026-11-30 09:00"), decision.Chosen); // Saturday is no working day
    }

    [Theory]
    [InlineData("2026-11-24 10:00", true)]
    [InlineData("2026-11-25 10:00", false)]
    [InlineData("2026-11-26 10:00", true)] // overdue: tomorrow is as good as any time for a late report
    public void The_card_offers_tomorrow_only_when_it_fits(string now, bool fits) =>
        Assert.Equal(fits, Snooze.Fits(ReminderVerbs.UntilTomorrow, ReminderBot.Beijing(now), Deadline));
}
