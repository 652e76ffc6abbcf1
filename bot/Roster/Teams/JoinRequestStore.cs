using System.Text.Json;
using GiBot.Storage;

namespace GiBot.Roster.Teams;

/// <summary>
/// Join requests in the bot settings store: each under its own versioned key, and for each person and unit the id of
/// their latest request, so asking again finds the pending request instead of sending the admins another card.
/// </summary>
public sealed class JoinRequestStore(IBotSettingsStore settings)
{
    public async Task<(JoinRequest? Request, int Version)> GetAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await settings.GetAsync(JoinRequest.Key(id), cancellationToken);
        return stored is null ? (null, 0) : (JsonSerializer.Deserialize(stored.Value, RosterJson.Default.JoinRequest), stored.Version);
    }

    /// <summary>The person's undecided request for the unit, if any, and the version of the pointer to their latest one.</summary>
    public async Task<(JoinRequest? Pending, int LatestVersion)> PendingAsync(string aadObjectId, string unitId, CancellationToken cancellationToken)
    {
        var latest = await settings.GetAsync(JoinRequest.LatestKey(aadObjectId, unitId), cancellationToken);
        if (latest is null)
        {
            return (null, 0);
        }
        var (request, _) = await GetAsync(latest.Value, cancellationToken);
        return (request?.Status == JoinRequest.Pending ? request : null, latest.Version);
    }

    /// <summary>
    /// Stores a new request as the person's latest for its unit. False when another request of theirs for the unit was
    /// stored since <paramref name="latestVersion"/> was read; the caller then looks again.
    /// </summary>
    public async Task<bool> TryAddAsync(JoinRequest request, int latestVersion, CancellationToken cancellationToken)
    {
        await settings.SetAsync(JoinRequest.Key(request.Id), Serialize(request), cancellationToken);
        return await settings.TrySetAsync(JoinRequest.LatestKey(request.RequesterAadObjectId, request.UnitId), request.Id, latestVersion, cancellationToken);
    }

    /// <summary>Writes <paramref name="request"/> only if the stored one is still at <paramref name="version"/>.</summary>
    public Task<bool> TryReplaceAsync(JoinRequest request, int version, CancellationToken cancellationToken) =>
        settings.TrySetAsync(JoinRequest.Key(request.Id), Serialize(request), version, cancellationToken);

    /// <summary>Records where the request's cards went, keeping whatever an admin decided meanwhile.</summary>
    public async Task SaveCardsAsync(string id, List<AdminCard> cards, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (current, version) = await GetAsync(id, cancellationToken);
            if (current is null || await TryReplaceAsync(current with { AdminCards = cards }, version, cancellationToken))
            {
                return;
            }
        }
    }

    private static string Serialize(JoinRequest request) => JsonSerializer.Serialize(request, RosterJson.Default.JoinRequest);
}
