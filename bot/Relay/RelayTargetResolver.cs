using System.Text.Json;
using GiBot.Protocol.Hosting;
using GiBot.Storage;
using Microsoft.Extensions.Options;

namespace GiBot.Relay;

/// <summary>
/// Finds the channel to relay to: the one an admin chose in Teams wins (it is the later, deliberate
/// choice), else <c>Relay:ChannelId</c> from appsettings.json, completed from the channel's stored
/// conversation reference (recorded when the bot was installed in the team). Null until usable.
/// </summary>
public sealed class RelayTargetResolver(
    IBotSettingsStore settings,
    IConversationReferenceStore references,
    IOptionsMonitor<RelayOptions> options,
    BotFrameworkSettings bot)
{
    public async Task<RelayTarget?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(RelaySettingKeys.Channel, cancellationToken) is { } stored
            && JsonSerializer.Deserialize(stored.Value, RelayStateJson.Default.RelayTarget) is { } chosen)
        {
            return chosen;
        }
        var configured = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(configured.ChannelId))
        {
            return null;
        }
        var reference = await references.GetAsync(configured.ChannelId, cancellationToken);
        var serviceUrl = NonEmpty(configured.ServiceUrl) ?? reference?.ServiceUrl;
        var tenantId = NonEmpty(configured.TenantId) ?? reference?.TenantId ?? NonEmpty(bot.MicrosoftAppTenantId);
        var botId = NonEmpty(configured.BotId) ?? reference?.BotId ?? (bot.IsLocalMode ? null : "28:" + bot.MicrosoftAppId);
        if (serviceUrl is null || tenantId is null || botId is null)
        {
            return null;
        }
        return new RelayTarget(NonEmpty(configured.TeamId) ?? reference?.TeamId, configured.ChannelId, serviceUrl, tenantId, botId);
    }

    public Task SaveAsync(RelayTarget target, CancellationToken cancellationToken) =>
        settings.SetAsync(RelaySettingKeys.Channel, JsonSerializer.Serialize(target, RelayStateJson.Default.RelayTarget), cancellationToken);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
