using System.Globalization;
using GiBot.Localization;
using GiBot.Protocol.Turns;
using GiBot.Roster;
using GiBot.Storage;
using GiBot.Updates;

namespace GiBot.Reminders.Teams;

/// <summary>
/// The reminder card's 稍后提醒 (a snooze is a new plan step for the person who pressed it) and 本期无新进展
/// (a no-change report, <see cref="NoChangeReporter"/>, after checking the card's period).
/// </summary>
public sealed class ReminderCardActions(
    SnoozeTime snoozeTime,
    WorkingHours hours,
    IReminderStore reminders,
    IRosterDirectory roster,
    NoChangeReporter noChange,
    Schedule.IReportingSchedule schedule,
    TimeProvider time) : ICardActionFeature
{
    public bool Handles(string verb) => verb.StartsWith(ReminderVerbs.Prefix, StringComparison.Ordinal);

    public async ValueTask<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (!int.TryParse(action.Get(ReminderVerbs.MeasureKey), NumberStyles.None, CultureInfo.InvariantCulture, out var measure)
            || action.Get(ReminderVerbs.UnitKey) is not { Length: > 0 } unit || action.Get(ReminderVerbs.PeriodKey) is not { Length: > 0 } period)
        {
            return Say(language.Pick("抱歉，这个按钮已失效。请发送“汇报进展”填报。", "Sorry, this button is no longer valid. Send \"update\" to report."));
        }
        return action.Verb switch
        {
            ReminderVerbs.Snooze => await SnoozeAsync(turn, measure, unit, period, action.Get(ReminderVerbs.UntilKey), cancellationToken),
            ReminderVerbs.NoChange => await NoChangeAsync(turn, measure, unit, period, cancellationToken),
            _ => Say(language.Pick("抱歉，这个按钮已失效。请发送“汇报进展”填报。", "Sorry, this button is no longer valid. Send \"update\" to report.")),
        };
    }

    private async Task<CardActionResult> SnoozeAsync(TurnContext turn, int measure, string unit, string period, string? until, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (caller, refusal) = await AllowedAsync(turn, measure, unit, cancellationToken);
        if (caller is null)
        {
            return refusal!;
        }
        if (schedule.Find(measure, period) is not { } window)
        {
            return Say(language.Pick("抱歉，这个按钮已失效（汇报期不正确）。请发送“汇报进展”填报。",
                "Sorry, this button is no longer valid (wrong reporting period). Send \"update\" to report."));
        }
        var now = time.GetUtcNow();
        var decision = snoozeTime.Decide(until, now, window.DueAt);
        if (decision.At is not { } at)
        {
            return Say(SnoozeReplies.TooNear(measure, window, hours, language));
        }
        var aad = caller.AadObjectId;
        // Pressed again (a double click, a second device) while a snooze is still waiting: keep the one set, not a second reminder.
        var waiting = (await reminders.ListDueBetweenAsync(now, at.AddMinutes(1), cancellationToken)).FirstOrDefault(r =>
            r.Status == ReminderStatus.Pending && ReminderSteps.IsSnooze(r.Plan.Step) && r.Plan.Payload == aad
            && r.Plan.Measure == measure && r.Plan.UnitId == unit && r.Plan.Period == period);
        if (waiting is not null)
        {
            at = waiting.Plan.DueAt;
        }
        else
        {
            await reminders.PlanAsync(new ReminderPlan(measure, unit, period, ReminderSteps.Snooze(at, aad), at, aad), cancellationToken);
        }
        return Say(SnoozeReplies.Set(decision with { At = at }, window, hours, language));
    }

    private async Task<CardActionResult> NoChangeAsync(TurnContext turn, int measure, string unit, string period, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (caller, refusal) = await AllowedAsync(turn, measure, unit, cancellationToken);
        if (caller is null)
        {
            return refusal!;
        }
        // The card's data is the client's word: only a real period of this measure whose deadline is past or near is taken
        // (a reminder may come before its period opens, a few working days ahead of the deadline).
        if (schedule.Find(measure, period) is not { } window || !window.IsReportableAt(time.GetUtcNow()))
        {
            return Say(language.Pick("抱歉，这个按钮已失效（汇报期不正确）。请发送“汇报进展”填报。",
                "Sorry, this button is no longer valid (wrong reporting period). Send \"update\" to report."));
        }
        return (await noChange.ReportAsync(caller, measure, unit, period, language, cancellationToken)).ToCardActionResult();
    }

    /// <summary>Both buttons act for the unit: only someone who may report for it (its people, or an admin) may press them.</summary>
    private async Task<(UpdateCaller? Caller, CardActionResult? Refusal)> AllowedAsync(TurnContext turn, int measure, string unit, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, UpdateAsk.Report, cancellationToken);
        if (caller is null)
        {
            return (null, Say(refusal!));
        }
        var decision = await roster.CanReportAsync(caller.AadObjectId, measure, unit, cancellationToken);
        if (decision.Allowed)
        {
            return (caller, null);
        }
        // The unit is the card's data, the client's word: quoted as sent, cut to the length of a unit's name.
        var shown = MarkdownText.Literal(TextCut.Cut(unit, MaxUnitShown, "…"));
        return (null, Say(decision.Reason(language) ?? language.Pick($"抱歉，您不能代表{shown}处理第 {measure} 项措施的提醒。", $"Sorry, you may not act on measure {measure} for {shown}.")));
    }

    private const int MaxUnitShown = 40;

    private static CardActionResult Say(string text) => CardActionResult.Say(new OutgoingMessage(text));
}
