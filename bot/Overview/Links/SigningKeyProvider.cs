using System.Security.Cryptography;
using System.Text;
using GiBot.Storage;

namespace GiBot.Overview.Links;

/// <summary>
/// The HMAC key for download and dashboard links: <c>Overview:SigningKey</c> when configured, otherwise 32 random
/// bytes generated once and kept in the settings store. The first instance to store a key wins, so every
/// instance behind a load balancer signs and checks with the same key.
/// </summary>
public sealed class SigningKeyProvider(OverviewOptions options, IBotSettingsStore settings)
{
    public const string SettingKey = "overview.signing-key";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async ValueTask<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is { } known)
        {
            return known;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _key ??= options.SigningKey is { } configured ? Encoding.UTF8.GetBytes(configured) : await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(SettingKey, cancellationToken) is { } stored)
        {
            return Convert.FromBase64String(stored.Value);
        }
        var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        if (await settings.TrySetAsync(SettingKey, fresh, 0, cancellationToken))
        {
            return Convert.FromBase64String(fresh);
        }
        // Another instance stored its key first: use that one.
        var winner = await settings.GetAsync(SettingKey, cancellationToken)
            ?? throw new StorageUnavailableException("The link signing key could not be read back.");
        return Convert.FromBase64String(winner.Value);
    }
}
