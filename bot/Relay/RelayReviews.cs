using System.Text.Json;
using GiBot.Storage;

namespace GiBot.Relay;

/// <summary>The stored review log of each relayed update, appended with compare-and-set so two clicks at once both count.</summary>
public sealed class RelayReviews(IBotSettingsStore settings)
{
    private const int MaxTries = 5;

    public async Task<RelayReviewLog> GetAsync(long outboxId, CancellationToken cancellationToken) =>
        (await ReadAsync(outboxId, cancellationToken)).Log;

    /// <summary>Adds the review unless it is an acknowledgement by someone who already acknowledged.</summary>
    public async Task<RelayReviewLog> AddAsync(long outboxId, RelayReview review, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (log, version) = await ReadAsync(outboxId, cancellationToken);
            if (review.Kind == RelayReview.Acknowledged && review.AadObjectId is not null
                && log.Reviews.Any(r => r.Kind == RelayReview.Acknowledged && r.AadObjectId == review.AadObjectId))
            {
                return log;
            }
            var updated = log.With(review);
            var json = JsonSerializer.Serialize(updated, RelayStateJson.Default.RelayReviewLog);
            if (await settings.TrySetAsync(RelaySettingKeys.Reviews(outboxId), json, version, cancellationToken) || attempt == MaxTries)
            {
                return updated;
            }
        }
    }

    private async Task<(RelayReviewLog Log, int Version)> ReadAsync(long outboxId, CancellationToken cancellationToken) =>
        await settings.GetAsync(RelaySettingKeys.Reviews(outboxId), cancellationToken) is { } stored
            ? (JsonSerializer.Deserialize(stored.Value, RelayStateJson.Default.RelayReviewLog) ?? RelayReviewLog.Empty, stored.Version)
            : (RelayReviewLog.Empty, 0);
}
