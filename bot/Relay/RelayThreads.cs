using System.Text.Json;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Turns;
using GiBot.Storage;

namespace GiBot.Relay;

/// <summary>
/// One thread per measure per reporting period in the relay channel. Its first message shows the
/// measure and every unit's latest status, and is updated in place after each new update.
/// </summary>
public sealed partial class RelayThreads(
    IBotSettingsStore settings,
    IProgressUpdateStore updates,
    ChannelPoster poster,
    RelayCards cards,
    TimeProvider time,
    ILogger<RelayThreads> logger)
{
    /// <summary>
    /// The thread's root, started now if there is none. Window: if the process dies after the
    /// connector created the thread but before its id is stored (one settings write, milliseconds),
    /// the retry starts a second thread for the same measure and period; readers then see two root
    /// cards and the replies continue in the newer one. The write ignores shutdown for that reason.
    /// </summary>
    public async Task<(RelayThreadRoot Root, bool Created)> EnsureRootAsync(RelayTarget target, ProgressReport report, CancellationToken cancellationToken)
    {
        var key = RelaySettingKeys.Thread(target.ChannelId, report.Measure, report.Period);
        if (await ReadAsync(key, cancellationToken) is { } existing)
        {
            return (existing, false);
        }
        var rootId = await poster.StartThreadAsync(target, await RootMessageAsync(report, cancellationToken), cancellationToken);
        var root = new RelayThreadRoot(target.ChannelId, rootId, time.GetUtcNow());
        if (await settings.TrySetAsync(key, JsonSerializer.Serialize(root, RelayStateJson.Default.RelayThreadRoot), 0, CancellationToken.None))
        {
            return (root, true);
        }
        // Another instance started the thread at the same moment: keep theirs, take ours back.
        await TryDeleteAsync(target, rootId, cancellationToken);
        return (await ReadAsync(key, cancellationToken) ?? root, false);
    }

    /// <summary>
    /// The thread's root was deleted (a reply to it got 404): starts a new thread for the measure and
    /// period, unless another claimer already did.
    /// </summary>
    public async Task<RelayThreadRoot> RestartAsync(RelayTarget target, ProgressReport report, RelayThreadRoot stale, CancellationToken cancellationToken)
    {
        var key = RelaySettingKeys.Thread(target.ChannelId, report.Measure, report.Period);
        var stored = await settings.GetAsync(key, cancellationToken);
        if (stored is not null && Parse(stored) is { } current && current.RootActivityId != stale.RootActivityId)
        {
            return current;
        }
        var rootId = await poster.StartThreadAsync(target, await RootMessageAsync(report, cancellationToken), cancellationToken);
        var root = new RelayThreadRoot(target.ChannelId, rootId, time.GetUtcNow());
        if (await settings.TrySetAsync(key, JsonSerializer.Serialize(root, RelayStateJson.Default.RelayThreadRoot), stored?.Version ?? 0, CancellationToken.None))
        {
            LogRestarted(logger, stale.RootActivityId, rootId);
            return root;
        }
        await TryDeleteAsync(target, rootId, cancellationToken);
        return await ReadAsync(key, cancellationToken) ?? root;
    }

    /// <summary>Rewrites the root card with every unit's latest status. Idempotent: safe to repeat on a retry.</summary>
    public async Task RefreshRootAsync(RelayTarget target, RelayThreadRoot root, ProgressReport report, CancellationToken cancellationToken)
    {
        var message = await RootMessageAsync(report, cancellationToken);
        await poster.UpdateAsync(target, root.RootActivityId, root.RootActivityId, message.Cards[0], cancellationToken);
    }

    private async Task<OutgoingMessage> RootMessageAsync(ProgressReport report, CancellationToken cancellationToken)
    {
        // Newest first, so a unit that reported twice this period is shown once, with its latest update.
        var current = (await updates.ListCurrentAsync(new UpdateQuery(Measure: report.Measure, Period: report.Period), cancellationToken))
            .DistinctBy(u => u.Report.UnitId).ToArray();
        return new OutgoingMessage($"第 {report.Measure} 项措施 · {report.Period} 进展", cards.Root(report.Measure, report.Period, current))
        {
            TextOnlyWithoutCards = true,
        };
    }

    private async Task<RelayThreadRoot?> ReadAsync(string key, CancellationToken cancellationToken) =>
        await settings.GetAsync(key, cancellationToken) is { } stored ? Parse(stored) : null;

    private static RelayThreadRoot? Parse(BotSetting stored) => JsonSerializer.Deserialize(stored.Value, RelayStateJson.Default.RelayThreadRoot);

    private async Task TryDeleteAsync(RelayTarget target, string rootId, CancellationToken cancellationToken)
    {
        try
        {
            await poster.DeleteAsync(target, rootId, cancellationToken);
        }
        catch (ConnectorException e)
        {
            LogDuplicateRootKept(logger, e, rootId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Thread root {Stale} is gone; started {Root} instead")]
    private static partial void LogRestarted(ILogger logger, string stale, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A second thread root {RootId} could not be deleted")]
    private static partial void LogDuplicateRootKept(ILogger logger, Exception exception, string rootId);
}
