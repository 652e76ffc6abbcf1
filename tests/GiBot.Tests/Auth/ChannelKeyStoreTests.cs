using GiBot.Protocol.Auth;
using GiBot.Protocol.Hosting;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Auth;

/// <summary>The key cache against the HTTPS fake cloud, on a held clock.</summary>
public sealed class ChannelKeyStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private readonly ChannelKey _teamsKey = new("teams-key-1", "msteams");
    private readonly ChannelKey _rotatedKey = new("teams-key-2", "msteams");
    private TestPki _pki = null!;
    private FakeCloud _cloud = null!;
    private ServiceProvider _services = null!;
    private ChannelKeyStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _pki = TestPki.Create();
        _cloud = await FakeCloud.StartAsync(_pki);
        _cloud.Publish(_teamsKey);
        var services = new ServiceCollection();
        services.AddHttpClient(ChannelKeyStore.HttpClientName).ConfigurePrimaryHttpMessageHandler(_pki.CreateTrustingHandler);
        services.AddMemoryCache();
        _services = services.BuildServiceProvider();
        var settings = new BotFrameworkSettings { MicrosoftAppId = ChannelTokens.AppId, ToBotFromChannelOpenIdMetadataUrl = _cloud.MetadataUrl };
        _store = new ChannelKeyStore(_services.GetRequiredService<IHttpClientFactory>(), _services.GetRequiredService<IMemoryCache>(),
            settings, _time, NullLogger<ChannelKeyStore>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _cloud.DisposeAsync();
        _pki.Dispose();
        _teamsKey.Dispose();
        _rotatedKey.Dispose();
    }

    [Fact]
    public async Task Keys_carry_their_endorsements_and_are_fetched_once()
    {
        var first = await _store.GetAsync(TestContext.Current.CancellationToken);
        var second = await _store.GetAsync(TestContext.Current.CancellationToken);

        Assert.True(first.TryGet("teams-key-1", out var key));
        Assert.Equal(["msteams"], key.Endorsements);
        Assert.Same(first, second);
        Assert.Equal(1, _cloud.MetadataRequests);
        Assert.Equal(1, _cloud.KeysRequests);
    }

    [Fact]
    public async Task Keys_are_refetched_once_they_are_twelve_hours_old()
    {
        await _store.GetAsync(TestContext.Current.CancellationToken);
        _time.Advance(ChannelKeyStore.MaxAge - TimeSpan.FromSeconds(1));
        await _store.GetAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, _cloud.KeysRequests);

        _time.Advance(TimeSpan.FromSeconds(1));
        await _store.GetAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, _cloud.KeysRequests);
    }

    [Fact]
    public async Task An_unknown_kid_refetches_at_most_once_per_five_minutes()
    {
        await _store.GetAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(await _store.RefreshForUnknownKeyAsync("teams-key-2", TestContext.Current.CancellationToken));
        Assert.Equal(2, _cloud.KeysRequests);

        _cloud.Publish(_rotatedKey);
        _time.Advance(ChannelKeyStore.UnknownKeyRefreshInterval - TimeSpan.FromSeconds(1));
        Assert.Null(await _store.RefreshForUnknownKeyAsync("teams-key-2", TestContext.Current.CancellationToken));
        Assert.Equal(2, _cloud.KeysRequests);

        _time.Advance(TimeSpan.FromSeconds(1));
        var refreshed = await _store.RefreshForUnknownKeyAsync("teams-key-2", TestContext.Current.CancellationToken);
        Assert.Equal(3, _cloud.KeysRequests);
        Assert.True(refreshed!.TryGet("teams-key-2", out _));
        Assert.True((await _store.GetAsync(TestContext.Current.CancellationToken)).TryGet("teams-key-2", out _));
    }
}
