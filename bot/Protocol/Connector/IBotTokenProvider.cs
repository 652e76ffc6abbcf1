namespace GiBot.Protocol.Connector;

/// <summary>Supplies the bearer token for outbound connector calls; null means send none (local mode).</summary>
public interface IBotTokenProvider
{
    ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}

/// <summary>Local mode: replies go to the local emulator without any token.</summary>
public sealed class NoTokenProvider : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
