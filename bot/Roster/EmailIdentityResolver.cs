using System.Collections.Concurrent;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Turns;
using GiBot.Storage;

namespace GiBot.Roster;

/// <summary>
/// Learns the aadObjectId of people put on the roster by email: when someone not yet on the roster
/// writes while email-only entries exist, their email/UPN is read from the activity or, once per
/// process, from the connector's member lookup; a match re-keys their entries to the aadObjectId.
/// Also learns the Teams display name of someone on the roster without one (configured by object id alone), so
/// refusals and 重大问题 mentions can name them; the seeder keeps a learned name when the configuration has none.
/// </summary>
public sealed partial class EmailIdentityResolver(IRosterStore store, IConnectorClient connector, ILogger<EmailIdentityResolver> logger) : IConversationLifecycleObserver
{
    private readonly ConcurrentDictionary<string, byte> _looked = new(StringComparer.OrdinalIgnoreCase);

    public ValueTask OnBotAddedAsync(TurnContext turn, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask OnBotRemovedAsync(TurnContext turn, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.UserAadObjectId is not { Length: > 0 } aad || turn.UserId is null)
        {
            return;
        }
        try
        {
            var entries = await store.ListAsync(cancellationToken);
            var (onRoster, nameless, emailOnly) = Scan(entries, aad);
            if (onRoster)
            {
                if (nameless && turn.UserName?.Trim() is { Length: > 0 } name)
                {
                    foreach (var entry in entries.Where(e => string.Equals(e.PersonId, aad, StringComparison.OrdinalIgnoreCase)).ToArray())
                    {
                        await store.UpsertAsync(entry with { DisplayName = name }, cancellationToken);
                    }
                }
                return;
            }
            if (!emailOnly)
            {
                return;
            }
            var pending = entries.Where(e => EmailKeys.IsEmailKey(e.PersonId)).ToArray();
            var emails = MemberEmail.Addresses(turn.Activity.From).ToList();
            if (emails.Count == 0 && _looked.TryAdd(aad, 0))
            {
                var member = await connector.GetConversationMemberAsync(turn.ServiceUrl, turn.ConversationId, turn.UserId, cancellationToken);
                emails.AddRange(MemberEmail.Addresses(member));
            }
            var mine = pending.Where(e => e.Email is not null && emails.Contains(e.Email, StringComparer.OrdinalIgnoreCase)).ToArray();
            foreach (var entry in mine)
            {
                await store.UpsertAsync(entry with { PersonId = aad, AadObjectId = aad, DisplayName = entry.DisplayName ?? turn.UserName }, cancellationToken);
                await store.RemoveAsync(entry.PersonId, entry.UnitId, cancellationToken);
            }
            if (mine.Length > 0)
            {
                LogResolved(logger, mine[0].Email!, aad);
            }
        }
        catch (Exception e) when (e is StorageUnavailableException or ConnectorException or HttpRequestException or TaskCanceledException)
        {
            // The turn goes on; the person is matched on a later message.
            _looked.TryRemove(aad, out _);
            LogNotResolved(logger, aad, e.Message);
        }
    }

    /// <summary>
    /// Whether <paramref name="aad"/> is on the roster and still without a name, and whether email-only entries wait:
    /// the questions every activity asks, answered in one pass over the cached list without allocating.
    /// </summary>
    private static (bool OnRoster, bool Nameless, bool EmailOnly) Scan(IReadOnlyList<RosterEntry> entries, string aad)
    {
        var onRoster = false;
        var named = false;
        var emailOnly = false;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (string.Equals(entry.PersonId, aad, StringComparison.OrdinalIgnoreCase))
            {
                onRoster = true;
                named |= !string.IsNullOrWhiteSpace(entry.DisplayName);
            }
            emailOnly |= EmailKeys.IsEmailKey(entry.PersonId);
        }
        return (onRoster, onRoster && !named, emailOnly);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster: {Email} is now known by aadObjectId {AadObjectId}")]
    private static partial void LogResolved(ILogger logger, string email, string aadObjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster: could not check whether {AadObjectId} is a person configured by email: {Reason}")]
    private static partial void LogNotResolved(ILogger logger, string aadObjectId, string reason);
}
