using GiBot.Protocol.Connector;
using GiBot.Protocol.Turns;
using GiBot.Storage;

namespace GiBot.Relay;

/// <summary>
/// When the bot is added to a team, records every channel of it (with the serviceUrl and tenant to
/// post there), so a channel named in appsettings.json, or chosen later, can be posted to proactively.
/// </summary>
public sealed partial class RelayInstallObserver(
    IConnectorClient connector,
    IConversationReferenceStore references,
    TimeProvider time,
    ILogger<RelayInstallObserver> logger) : IConversationLifecycleObserver
{
    public async ValueTask OnBotAddedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.TeamId is not { } teamId)
        {
            return;
        }
        try
        {
            var channels = await connector.GetTeamChannelsAsync(turn.ServiceUrl, teamId, cancellationToken);
            var now = time.GetUtcNow();
            foreach (var channel in channels)
            {
                await references.UpsertAsync(new ConversationReference(
                    channel.Id, ConversationReference.Channel, turn.ServiceUrl, turn.TenantId, turn.Activity.Recipient?.Id,
                    null, null, null, teamId, turn.TeamName, channel.Id, now), cancellationToken);
            }
            LogRecorded(logger, channels.Count, teamId);
        }
        catch (Exception e) when (e is ConnectorException or StorageUnavailableException)
        {
            // The channel the install arrived from is still recorded by ConversationReferenceObserver.
            LogNotRecorded(logger, e, teamId);
        }
    }

    public ValueTask OnBotRemovedAsync(TurnContext turn, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask OnActivityAsync(TurnContext turn, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Count} channels of team {TeamId}")]
    private static partial void LogRecorded(ILogger logger, int count, string teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channels of team {TeamId} not recorded")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string teamId);
}
