using GiBot.Localization;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;
using GiBot.Reminders.Schedule;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Reminders.Sending;

/// <summary>
/// Sends one claimed plan. Each recipient's send is reserved with <see cref="IReminderStore.RecordSendAsync"/>
/// before the connector call (so a second instance or a retry never sends it again) and the reservation is
/// released when Teams refused the message, so the retry can send it. Units that reported meanwhile get nothing.
/// Delivery is therefore at most once per person: if the process dies (or the call fails other than with a
/// Teams refusal) after the reservation and before Teams accepted the message, that person's reminder of this
/// step is lost, never doubled; the plan itself is finished by whoever claims it after the lease, and the
/// next rung (or an admin's "提醒 N") still reaches them. Teams has no idempotency key that would allow both.
/// </summary>
public sealed partial class ReminderDispatcher(
    ReminderOptions options,
    ConfiguredReportingSchedule schedule,
    ReminderPlanner planner,
    ReminderCards cards,
    ReminderRecipients recipients,
    ChannelSummary summary,
    IReminderStore reminders,
    IProgressUpdateStore updates,
    IConversationReferenceStore references,
    IConnectorClient connector,
    WorkingHours hours,
    ILogger<ReminderDispatcher> logger)
{
    /// <summary>Returns the people who could not be reached (no chat with the bot).</summary>
    public async Task<IReadOnlyList<RosterPerson>> DispatchAsync(ReminderRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = record.Plan;
        var token = record.ClaimToken!;
        if (plan.Step == ReminderSteps.Summary)
        {
            await FinishAsync(plan, token, await summary.PostAsync(plan, now, cancellationToken), now, cancellationToken);
            return [];
        }
        var window = schedule.Find(plan.Measure, plan.Period);
        if (window is null || await ReportedAsync(plan, cancellationToken))
        {
            // The unit reported, or an admin changed the cycle so this period no longer exists.
            await reminders.CompleteAsync(plan.Key, token, cancellationToken);
            return [];
        }
        if (options.Ladder.FirstOrDefault(s => s.Name == plan.Step) is { } step)
        {
            if (step.WorkingDays < 0 && window.IsOverdueAt(now))
            {
                // Caught up after the deadline: the overdue rung says it better than "due in 3 days".
                await reminders.CompleteAsync(plan.Key, token, cancellationToken);
                return [];
            }
            var expected = planner.StepTime(window, step);
            if (expected > now && expected != plan.DueAt)
            {
                // The cycle was changed after planning: go at the new time.
                await reminders.RetryLaterAsync(plan.Key, token, expected, "rescheduled", cancellationToken);
                return [];
            }
        }
        // Waiting for working hours (a nudge sent at night, a rung due at 08:00) is not lateness; downtime is.
        var late = now - hours.NextOpen(plan.DueAt) > options.LateAfter;
        var sent = await reminders.ListRecipientsSentAsync(plan.Key, cancellationToken);
        var unreachable = new List<RosterPerson>();
        string? failure = null;
        foreach (var person in await recipients.ForAsync(plan, cancellationToken))
        {
            if (sent.Contains(person.AadObjectId))
            {
                continue;
            }
            if (await references.FindPersonalChatAsync(person.AadObjectId, cancellationToken) is not { } chat)
            {
                unreachable.Add(person);
                continue;
            }
            if (!await reminders.RecordSendAsync(plan.Key, person.AadObjectId, null, cancellationToken))
            {
                continue;
            }
            var language = await recipients.LanguageOfAsync(person.AadObjectId, cancellationToken);
            var note = late ? language.Pick(
                $"（此提醒原定于 {hours.Format(plan.DueAt)} 发送，因机器人暂停服务而延后，特此补发。）",
                $"(This reminder was due at {hours.Format(plan.DueAt)} Beijing time; it is late because the bot was unavailable.)") : null;
            var message = new OutgoingMessage(cards.Text(plan, window, now, note, language), cards.Reminder(plan, window, now, note, language)) { TextOnlyWithoutCards = true };
            try
            {
                var bot = chat.BotId is null ? null : new ChannelAccount { Id = chat.BotId };
                await connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId,
                    MessageActivityFactory.Create(message, new ConversationAccount { Id = chat.ConversationId }, bot), cancellationToken);
            }
            catch (ConnectorException e)
            {
                LogSendFailed(logger, e, plan.Key, person.AadObjectId);
                await reminders.ForgetSendAsync(plan.Key, person.AadObjectId, cancellationToken);
                failure = $"{(int)e.StatusCode} {e.ErrorCode}";
            }
        }
        await FinishAsync(plan, token, failure, now, cancellationToken);
        return unreachable;
    }

    private async Task FinishAsync(ReminderPlan plan, string token, string? failure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (failure is null)
        {
            await reminders.CompleteAsync(plan.Key, token, cancellationToken);
        }
        else
        {
            await reminders.RetryLaterAsync(plan.Key, token, hours.NextOpen(now + options.RetryDelay), failure, cancellationToken);
        }
    }

    private async Task<bool> ReportedAsync(ReminderPlan plan, CancellationToken cancellationToken) =>
        (await updates.UnitsNotOwingAsync(plan.Measure, plan.Period, cancellationToken)).Contains(plan.UnitId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {PlanKey} to {AadObjectId} not delivered; it will be retried")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string planKey, string aadObjectId);
}
