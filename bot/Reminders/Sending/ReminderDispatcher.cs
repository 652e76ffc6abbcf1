using GiBot.Localization;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;
using GiBot.Reminders.Nudges;
using GiBot.Reminders.Schedule;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Reminders.Sending;

/// <summary>
/// Sends a batch of claimed plans as digests: one message per person and rung (the plan's step) listing every measure
/// of the batch that person is reminded of. Each (plan, person) pair is reserved with
/// <see cref="IReminderStore.RecordSendAsync"/> before the digest goes out (so a second instance, a retry, or a plan
/// claimed anew after its lease never puts that measure in front of that person twice, in a digest or alone).
/// <para>
/// Retried: every reservation of the digest is released and its plans retried after <see cref="ReminderOptions.RetryDelay"/>
/// (nothing of it marked sent) when Teams refuses it for now (timeout, 503, 429 beyond the connector's retries, any
/// other 5xx), when the bot's outbound credentials are refused (401), when the bot itself refuses the chat's untrusted
/// service URL (403 <see cref="RefusedChat.UntrustedServiceUrl"/>), and on any other connector failure: all of these
/// can mend, or be mended by an operator.
/// </para>
/// <para>
/// Given up on for that person and rung (not retried): when Teams refuses it because the person's chat is gone (403,
/// 404: <see cref="RefusedChat"/>), the chat is marked removed, admins are told (<see cref="UnreachableNotice"/>), and
/// later rungs count the person unreachable until they write to GiBot again; when Teams refuses the message itself
/// (400, 405, 413 <c>MessageSizeTooBig</c>: <see cref="RefusedMessage"/>), the chat is kept and it is logged once as an
/// error, a bot bug. Either way the reservations are kept: they then stand for "given up on this person", so those plans
/// are finished for that person (never retried, nor sent later in this period by a retry or re-claim of the same plan)
/// while their other recipients still get theirs.
/// </para>
/// <para>
/// A nudge ("提醒 N") refused for now is retried like a rung. Refused for good (403, 404, 400, 405, 413, as above) or for
/// a configuration matter (401, untrusted service URL; its reservations released) it is not retried: the admin who
/// asked is told instead (<see cref="NudgeRefusal"/>), and can nudge again once it is mended.
/// </para>
/// Units that reported meanwhile get nothing. Delivery is therefore at most once per person and plan: if the process dies
/// (or the call fails other than with a Teams refusal) after the reservations and before Teams accepted the digest,
/// that person's rows of this rung are lost, never doubled; the plans are finished by whoever claims them after the
/// lease, and the next rung (or an admin's "提醒 N") still reaches them. Teams has no idempotency key that would allow both.
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
    TimeProvider time,
    ILogger<ReminderDispatcher> logger)
{
    /// <summary>Dispatches one claimed plan: a digest of one for each of its recipients.</summary>
    public Task<ReminderDispatch> DispatchAsync(ReminderRecord record, DateTimeOffset now, CancellationToken cancellationToken) =>
        DispatchAsync([record], now, DateTimeOffset.MaxValue, cancellationToken);

    /// <summary>
    /// Dispatches claimed plans. Once the clock passes <paramref name="handBackAt"/>, digests not yet started are left
    /// unsent (the first one sent always goes, so every pass makes progress) and their plans handed back, due at once.
    /// </summary>
    public async Task<ReminderDispatch> DispatchAsync(IReadOnlyList<ReminderRecord> records, DateTimeOffset now, DateTimeOffset handBackAt, CancellationToken cancellationToken)
    {
        var finished = 0;
        var live = new List<(ReminderRecord Record, ReportingWindow Window)>();
        foreach (var record in records)
        {
            if (await LiveWindowAsync(record, now, cancellationToken) is { } window)
            {
                live.Add((record, window));
            }
            else
            {
                finished++;
            }
        }
        var digests = await PersonalDigests.GatherAsync(live.Select(l => (l.Record.Plan, l.Window)).ToArray(), recipients, reminders, cancellationToken);
        var unreachable = new List<RosterPerson>();
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var unsent = new HashSet<string>(StringComparer.Ordinal);
        var refusedNudges = new List<NudgeRefusal>();
        var refusedChats = new List<RefusedChat>();
        var sentOne = false;
        foreach (var digest in digests)
        {
            if (await references.FindPersonalChatAsync(digest.Person.AadObjectId, cancellationToken) is not { } chat)
            {
                unreachable.Add(digest.Person);
                continue;
            }
            if (sentOne && time.GetUtcNow() >= handBackAt)
            {
                unsent.UnionWith(digest.Rows.Select(r => r.Plan.Key));
                continue;
            }
            if (await SendAsync(digest, chat, now, cancellationToken) is not { } outcome)
            {
                continue;
            }
            sentOne = true;
            if (outcome.RefusedNudge is { } refused)
            {
                refusedNudges.Add(refused);
            }
            if (outcome.RefusedChat is { } gone)
            {
                refusedChats.Add(gone);
            }
            foreach (var key in outcome.Keys)
            {
                failures[key] = outcome.Reason!;
            }
        }
        foreach (var (record, _) in live)
        {
            var plan = record.Plan;
            if (unsent.Contains(plan.Key) && !failures.ContainsKey(plan.Key))
            {
                await reminders.RetryLaterAsync(plan.Key, record.ClaimToken!, plan.DueAt, "handed back unsent at the end of a pass", cancellationToken);
                continue;
            }
            await FinishAsync(plan, record.ClaimToken!, failures.GetValueOrDefault(plan.Key), now, cancellationToken);
            finished++;
        }
        return new ReminderDispatch(unreachable, finished, unsent.Count > 0) { RefusedNudges = refusedNudges, RefusedChats = refusedChats };
    }

    /// <summary>
    /// The plan's window when it is still to be sent now; otherwise the plan is finished or moved here (the channel
    /// summary is posted, a reported or vanished period completed, a rescheduled rung moved to its new time) and null.
    /// </summary>
    private async Task<ReportingWindow?> LiveWindowAsync(ReminderRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = record.Plan;
        var token = record.ClaimToken!;
        if (plan.Step == ReminderSteps.Summary)
        {
            await FinishAsync(plan, token, await summary.PostAsync(plan, now, cancellationToken), now, cancellationToken);
            return null;
        }
        var window = schedule.Find(plan.Measure, plan.Period);
        if (window is null || await ReportedAsync(plan, cancellationToken))
        {
            // The unit reported, or an admin changed the cycle so this period no longer exists.
            await reminders.CompleteAsync(plan.Key, token, cancellationToken);
            return null;
        }
        if (options.Ladder.FirstOrDefault(s => s.Name == plan.Step) is { } step)
        {
            if (step.WorkingDays < 0 && window.IsOverdueAt(now))
            {
                // Caught up after the deadline: the overdue rung says it better than "due in 3 days".
                await reminders.CompleteAsync(plan.Key, token, cancellationToken);
                return null;
            }
            var expected = planner.StepTime(window, step);
            if (expected > now && expected != plan.DueAt)
            {
                // The cycle was changed after planning: go at the new time.
                await reminders.RetryLaterAsync(plan.Key, token, expected, "rescheduled", cancellationToken);
                return null;
            }
        }
        return window;
    }

    /// <summary>
    /// A digest that was sent (<see cref="Reason"/> null) or refused: the plans it held, to retry, and why; or a nudge
    /// refused for good, not retried, whose requester is to be told; or a rung refused for good because the person's chat
    /// is gone (<see cref="RefusedChat"/>), not retried, which admins are to be told.
    /// </summary>
    private sealed record SendOutcome(IReadOnlyList<string> Keys, string? Reason, NudgeRefusal? RefusedNudge = null)
    {
        public RefusedChat? RefusedChat { get; init; }
    }

    /// <summary>Reserves the digest's rows for its person and sends it; null when there was nothing left to send.</summary>
    private async Task<SendOutcome?> SendAsync(PersonalDigest digest, ConversationReference chat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var person = digest.Person;
        var rows = new List<DigestRow>();
        foreach (var row in digest.Rows)
        {
            if (await reminders.RecordSendAsync(row.Plan.Key, person.AadObjectId, null, cancellationToken))
            {
                rows.Add(row);
            }
        }
        if (rows.Count == 0)
        {
            return null;
        }
        // Waiting for working hours (a nudge sent at night, a rung due at 08:00) is not lateness; downtime is.
        var dueAt = rows.Min(r => r.Plan.DueAt);
        var late = now - hours.NextOpen(dueAt) > options.LateAfter;
        var language = await recipients.LanguageOfAsync(person.AadObjectId, cancellationToken);
        var note = late ? language.Pick(
            $"（此提醒原定于 {hours.Format(dueAt)} 发送，因机器人暂停服务而延后，特此补发。）",
            $"(This reminder was due at {hours.Format(dueAt)} Beijing time; it is late because the bot was unavailable.)") : null;
        var message = new OutgoingMessage(cards.Text(rows, now, note, language), cards.Digest(rows, now, note, language)) { TextOnlyWithoutCards = true };
        try
        {
            var bot = chat.BotId is null ? null : new ChannelAccount { Id = chat.BotId };
            await connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId,
                MessageActivityFactory.Create(message, new ConversationAccount { Id = chat.ConversationId }, bot), cancellationToken);
            return new SendOutcome([], null);
        }
        catch (ConnectorException e) when (RefusedChat.IsGone(e))
        {
            // The person removed or blocked the bot, or the chat is gone: retrying cannot help, and every later rung would
            // only be refused again. The chat is marked removed (so they count as unreachable until they write to GiBot
            // again), and the reservations are kept: these plans are done for this person, whatever their other
            // recipients' digests do. A nudge's requester is told; for a ladder rung, the admins (see UnreachableNotice).
            LogChatRefused(logger, e, digest.Step, rows.Count, person.AadObjectId, (int)e.StatusCode);
            await references.MarkRemovedAsync(chat.ConversationId, cancellationToken);
            return ReminderSteps.IsManual(digest.Step)
                ? new SendOutcome([], null, new NudgeRefusal(person, rows.Select(r => r.Plan).ToArray(), e.StatusCode, e.ErrorCode))
                : new SendOutcome([], null) { RefusedChat = new RefusedChat(person, e.StatusCode) };
        }
        catch (ConnectorException e) when (RefusedMessage.Is(e))
        {
            // Teams refused the message itself (400, 405, 413): the same digest would be refused again at every retry.
            // MessageBudget already shrank it to fit, so it is not split either; it is given up on for this person and
            // rung, reservations kept as for a gone chat, while the other recipients of its plans still get theirs.
            // The chat is fine and is kept. A nudge's requester is told; a ladder rung is left to the error log.
            LogMessageRefused(logger, e, digest.Step, rows.Count, person.AadObjectId, (int)e.StatusCode, e.ErrorCode);
            return ReminderSteps.IsManual(digest.Step)
                ? new SendOutcome([], null, new NudgeRefusal(person, rows.Select(r => r.Plan).ToArray(), e.StatusCode, e.ErrorCode))
                : new SendOutcome([], null);
        }
        catch (ConnectorException e)
        {
            if (e.ErrorCode == RefusedChat.UntrustedServiceUrl)
            {
                // The bot's own refusal: the chat is fine, the configuration (AllowedServiceUrls) or the trust learned
                // from inbound activities (lost at a restart, regained with the next activity from that address) is not.
                // A ladder rung keeps being retried after RetryDelay until that is mended, loudly.
                LogUntrustedServiceUrl(logger, e, digest.Step, person.AadObjectId, chat.ServiceUrl);
            }
            else
            {
                LogSendFailed(logger, e, digest.Step, rows.Count, person.AadObjectId);
            }
            foreach (var row in rows)
            {
                await reminders.ForgetSendAsync(row.Plan.Key, person.AadObjectId, cancellationToken);
            }
            if (ReminderSteps.IsManual(digest.Step) && e.IsPermanent)
            {
                // Retrying cannot help soon enough for a nudge: the admin who asked is told why instead, and can nudge
                // again once it is fixed.
                return new SendOutcome([], null, new NudgeRefusal(person, rows.Select(r => r.Plan).ToArray(), e.StatusCode, e.ErrorCode));
            }
            return new SendOutcome(rows.Select(r => r.Plan.Key).ToArray(), $"{(int)e.StatusCode} {e.ErrorCode}");
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder digest {Step} ({Rows} measures) to {AadObjectId} not delivered; retried later, unless it is a nudge refused outright, which is reported to the admin who asked")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string step, int rows, string aadObjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder digest {Step} ({Rows} measures) to {AadObjectId} refused for good ({Status}): their personal chat is marked removed until they write to the bot again; not retried")]
    private static partial void LogChatRefused(ILogger logger, Exception exception, string step, int rows, string aadObjectId, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder digest {Step} ({Rows} measures) to {AadObjectId} refused by Teams for the message itself ({Status} {ErrorCode}): a bot bug; given up for this person and rung, not retried")]
    private static partial void LogMessageRefused(ILogger logger, Exception exception, string step, int rows, string aadObjectId, int status, string? errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder digest {Step} to {AadObjectId} not sent: service URL {ServiceUrl} is not trusted. Add it to AllowedServiceUrls (or it is trusted again once an activity arrives from it); a ladder rung is retried every RetryDelay meanwhile")]
    private static partial void LogUntrustedServiceUrl(ILogger logger, Exception exception, string step, string aadObjectId, string serviceUrl);
}
