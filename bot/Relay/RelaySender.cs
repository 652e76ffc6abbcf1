using GiBot.Storage;
using Microsoft.Extensions.Options;

namespace GiBot.Relay;

/// <summary>
/// Delivers the relay outbox in the background. Messages are claimed with a lease, so a crashed
/// instance's claims run out and are delivered after restart, or by another instance. While no
/// channel is set nothing is claimed (no attempts counted): updates wait and admins are told once.
/// </summary>
public sealed partial class RelaySender(
    IRelayOutbox outbox,
    RelayTargetResolver targets,
    RelayDelivery delivery,
    AdminAlerts alerts,
    IOptionsMonitor<RelayOptions> options,
    TimeProvider time,
    ILogger<RelaySender> logger) : BackgroundService
{
    private readonly string _claimer = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.SenderEnabled)
        {
            LogDisabled(logger);
            return;
        }
        // Let the host finish starting (storage migrates in its own hosted service) before the first claim.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Storage down, roster unreachable…: the outbox keeps everything; try again next round.
                LogRoundFailed(logger, e);
            }
            if (!busy)
            {
                try
                {
                    await Task.Delay(options.CurrentValue.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round; true when it delivered something (so the next round starts at once).</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (await targets.ResolveAsync(cancellationToken) is not { } target)
        {
            var pending = await outbox.CountPendingAsync(cancellationToken);
            if (pending > 0)
            {
                await alerts.TellNoChannelOnceAsync(pending, cancellationToken);
            }
            return false;
        }
        var claimed = await outbox.ClaimAsync(_claimer, settings.BatchSize, settings.Lease, cancellationToken);
        foreach (var message in claimed)
        {
            if (message.LeaseUntil is { } until && until - time.GetUtcNow() < settings.Lease / 2)
            {
                // Too little lease left to be sure this instance alone posts it: hand it back untouched.
                await outbox.RetryLaterAsync(message.Id, message.ClaimToken!, time.GetUtcNow(), "lease running out", cancellationToken);
                continue;
            }
            await delivery.DeliverAsync(message, target, cancellationToken);
        }
        return claimed.Count > 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Relay sender disabled by Relay:SenderEnabled")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay round failed; the outbox keeps the messages")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
