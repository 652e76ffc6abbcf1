namespace GiBot.Storage;

/// <summary>A setting changed in Teams (relay channel, reporting cycles, thread roots…). The value is opaque text, usually JSON.</summary>
public sealed record BotSetting(string Key, string Value, int Version, DateTimeOffset UpdatedAt);

/// <summary>Small named settings with versions for compare-and-set between instances.</summary>
public interface IBotSettingsStore
{
    Task<BotSetting?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes unconditionally; returns the new version.</summary>
    Task<int> SetAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Writes only if the stored version is <paramref name="expectedVersion"/> (0: only if absent).
    /// False when another writer came first.
    /// </summary>
    Task<bool> TrySetAsync(string key, string value, int expectedVersion, CancellationToken cancellationToken);
}
