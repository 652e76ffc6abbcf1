using System.Net;
using System.Text.Json;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Turns;
using GiBot.Storage;
using Microsoft.Extensions.Options;

namespace GiBot.Relay;

/// <summary>
/// Posts one claimed outbox message to the relay channel, exactly once as far as the connector lets us know:
/// the posted activity id is recorded the moment the connector answers, and a message that already has
/// one is never posted again (only the thread root is refreshed).
/// </summary>
/// <remarks>
/// The window: between the connector's answer and the <c>RecordPostedAsync</c> commit there is exactly one
/// storage write (a single-row UPDATE: about a millisecond on SQLite, one round trip on PostgreSQL). It is not
/// cancelled by shutdown, and a failed write is retried three times over about 2.6 s in-process. Only if the
/// process dies inside that window, or storage stays down through those retries, does the lease run out and
/// the message get posted again: the channel then shows the same update as two identical reply cards in its
/// thread (for a 重大问题, two identical alert posts); 已阅 works on either. The same holds for a thread root
/// (see <see cref="RelayThreads.EnsureRootAsync"/>: two root cards). Outside this window, duplicates need a
/// delivery that outlives its lease (<see cref="RelayOptions.Lease"/> must exceed three connector calls), or a
/// connector that posted but answered 502/504 or nothing at all (the connector client retries 502/504).
/// </remarks>
public sealed partial class RelayDelivery(
    IRelayOutbox outbox,
    RelayThreads threads,
    ChannelPoster poster,
    RelayCards cards,
    RosterAccess roster,
    AdminAlerts alerts,
    IOptionsMonitor<RelayOptions> options,
    TimeProvider time,
    ILogger<RelayDelivery> logger)
{
    private static readonly TimeSpan[] RecordRetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    public async Task DeliverAsync(OutboxMessage message, RelayTarget target, CancellationToken cancellationToken)
    {
        var claim = message.ClaimToken!;
        RelayUpdatePayload payload;
        try
        {
            payload = RelayOutboxMessages.Read(message);
        }
        catch (JsonException e)
        {
            await outbox.GiveUpAsync(message.Id, claim, $"Unreadable payload: {e.Message}", cancellationToken);
            LogUnreadable(logger, e, message.Id);
            return;
        }
        try
        {
            switch (message.Kind)
            {
                case RelayOutboxMessages.UpdateKind:
                    await PostUpdateAsync(message, payload, target, cancellationToken);
                    break;
                case RelayOutboxMessages.MajorIssueKind:
                    await PostMajorIssueAsync(message, payload, target, cancellationToken);
                    break;
                default:
                    // The outbox cannot claim by kind; another feature's message is handed back untouched, much later.
                    await outbox.RetryLaterAsync(message.Id, claim, time.GetUtcNow() + TimeSpan.FromHours(1), $"Not a relay message kind: {message.Kind}", cancellationToken);
                    return;
            }
            if (!await outbox.CompleteAsync(message.Id, claim, cancellationToken))
            {
                LogClaimLost(logger, message.Id);
            }
        }
        catch (ConnectorException e) when (!e.IsPermanent)
        {
            var next = time.GetUtcNow() + options.CurrentValue.BackoffFor(message.Attempts);
            await outbox.RetryLaterAsync(message.Id, claim, next, e.Message, cancellationToken);
            LogRetryLater(logger, message.Id, (int)e.StatusCode, next);
        }
        catch (ConnectorException e)
        {
            await outbox.GiveUpAsync(message.Id, claim, $"{AdminAlerts.Reason(e)} {e.Message}", cancellationToken);
            LogGaveUp(logger, e, message.Id);
            await alerts.TellPermanentFailureAsync(target, e, payload, cancellationToken);
        }
    }

    private async Task PostUpdateAsync(OutboxMessage message, RelayUpdatePayload payload, RelayTarget target, CancellationToken cancellationToken)
    {
        var (root, created) = await threads.EnsureRootAsync(target, payload.Report, cancellationToken);
        if (message.PostedActivityId is null)
        {
            var card = cards.Update(message.Id, payload, RelayReviewLog.Empty);
            var text = $"{payload.Report.UnitId} 提交了第 {payload.Report.Measure} 项措施（{payload.Report.Period}）的{(payload.IsCorrection ? "更正" : "进展")}";
            var reply = new OutgoingMessage(text, card) { TextOnlyWithoutCards = true };
            string posted;
            try
            {
                posted = await poster.ReplyAsync(target, root.RootActivityId, reply, cancellationToken);
            }
            catch (ConnectorException e) when (e.StatusCode == HttpStatusCode.NotFound && !created)
            {
                // Someone deleted the thread's first message: start the thread again. (If the channel
                // itself is gone, starting fails with 404 too, and that is reported.)
                root = await threads.RestartAsync(target, payload.Report, root, cancellationToken);
                created = true;
                posted = await poster.ReplyAsync(target, root.RootActivityId, reply, cancellationToken);
            }
            await RecordAsync(message.Id, posted);
        }
        if (!created)
        {
            // A root just started already shows this update; an older one needs the new status.
            await RefreshRootAsync(target, root, payload.Report, cancellationToken);
        }
    }

    // The reply is out; a root that cannot be rewritten for good (deleted, 404) must not turn it into a failure.
    private async Task RefreshRootAsync(RelayTarget target, RelayThreadRoot root, ProgressReport report, CancellationToken cancellationToken)
    {
        try
        {
            await threads.RefreshRootAsync(target, root, report, cancellationToken);
        }
        catch (ConnectorException e) when (e.IsPermanent)
        {
            LogRootNotRefreshed(logger, e, root.RootActivityId);
        }
    }

    private async Task PostMajorIssueAsync(OutboxMessage message, RelayUpdatePayload payload, RelayTarget target, CancellationToken cancellationToken)
    {
        if (message.PostedActivityId is not null)
        {
            return;
        }
        var leads = new List<(string, string)>();
        foreach (var lead in options.CurrentValue.Leads.Where(l => !string.IsNullOrWhiteSpace(l)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            leads.Add((lead, await roster.NameOfAsync(lead, cancellationToken) ?? "科室负责人"));
        }
        var card = cards.MajorIssue(payload, leads);
        var text = $"{(payload.Report.MajorIssue ? "重大问题" : "重大问题已撤销")}：{payload.Report.UnitId} · 第 {payload.Report.Measure} 项措施";
        var posted = await poster.StartThreadAsync(target, new OutgoingMessage(text, card) { TextOnlyWithoutCards = true, Alert = true }, cancellationToken);
        await RecordAsync(message.Id, posted);
    }

    // Deliberately not cancellable: once the connector has answered, a shutdown must not stop the
    // record that prevents a second post.
    private async Task RecordAsync(long id, string activityId)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await outbox.RecordPostedAsync(id, activityId, CancellationToken.None);
                return;
            }
            catch (StorageUnavailableException) when (attempt < RecordRetryDelays.Length)
            {
                await Task.Delay(RecordRetryDelays[attempt], time, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Thread root {RootId} could not be updated; the reply was posted")]
    private static partial void LogRootNotRefreshed(ILogger logger, Exception exception, string rootId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Relay message {Id} has an unreadable payload; given up")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay message {Id} was posted but its claim had expired; another claimer will find its posted id")]
    private static partial void LogClaimLost(ILogger logger, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay message {Id} failed with {Status}; next attempt at {Next}")]
    private static partial void LogRetryLater(ILogger logger, long id, int status, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Relay message {Id} failed permanently; given up and admins told")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long id);
}
