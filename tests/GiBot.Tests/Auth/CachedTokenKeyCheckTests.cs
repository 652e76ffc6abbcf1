using GiBot.Protocol.Auth;
using GiBot.Protocol.Hosting;
using GiBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Auth;

/// <summary>
/// A token already validated is accepted from the cache only while the key set still names the key that verified it:
/// checked without a fetch while the set is fresh, and after a refetch once it is old. A key replaced or withdrawn
/// meanwhile sends the token through full validation, where its signature fails.
/// </summary>
public sealed class CachedTokenKeyCheckTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/cn/";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ChannelKey _key = new("teams-key-1", "msteams");
    private readonly ChannelKey _replacement = new("teams-key-1", "msteams");
    private readonly ChannelKey _other = new("teams-key-2", "msteams");
    private TestPki _pki = null!;
    private FakeCloud _cloud = null!;
    private ServiceProvider _services = null!;
    private ChannelTokenAuthenticator _authenticator = null!;

    public async ValueTask InitializeAsync()
    {
        _pki = TestPki.Create();
        _cloud = await FakeCloud.StartAsync(_pki);
        _cloud.Publish(_key);
        var services = new ServiceCollection();
        services.AddHttpClient(ChannelKeyStore.HttpClientName).ConfigurePrimaryHttpMessageHandler(_pki.CreateTrustingHandler);
        services.AddMemoryCache();
        _services = services.BuildServiceProvider();
        var settings = new BotFrameworkSettings
        {
            MicrosoftAppId = ChannelTokens.AppId,
            ToBotFromChannelOpenIdMetadataUrl = _cloud.MetadataUrl,
            ToBotFromChannelTokenIssuer = FakeCloud.Issuer,
        };
        var store = new ChannelKeyStore(_services.GetRequiredService<IHttpClientFactory>(), _services.GetRequiredService<IMemoryCache>(),
            settings, _time, NullLogger<ChannelKeyStore>.Instance);
        _authenticator = new ChannelTokenAuthenticator(store, settings, new ValidatedTokenCache(_time), _time, NullLoggerFactory.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _cloud.DisposeAsync();
        _pki.Dispose();
        _key.Dispose();
        _replacement.Dispose();
        _other.Dispose();
    }

    private async Task<ChannelAuthentication> AuthenticateAsync(string token)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer " + token;
        return await _authenticator.AuthenticateAsync(context.Request);
    }

    [Fact]
    public async Task A_cached_token_is_refused_once_a_fresh_key_set_names_another_key_under_its_kid()
    {
        var token = ChannelTokens.Create(_key, ServiceUrl);
        Assert.NotNull((await AuthenticateAsync(token)).Identity);
        Assert.NotNull((await AuthenticateAsync(token)).Identity);
        Assert.Equal(1, _cloud.KeysRequests);

        // The channel replaces the key under the same kid; a token naming an unknown kid makes the bot refetch the set.
        _cloud.Publish(_replacement, _other);
        Assert.NotNull((await AuthenticateAsync(ChannelTokens.Create(_other, ServiceUrl))).Identity);
        Assert.Equal(2, _cloud.KeysRequests);

        var again = await AuthenticateAsync(token);

        Assert.Null(again.Identity);
        Assert.NotNull(again.Rejection);
    }

    [Fact]
    public async Task A_cached_token_is_accepted_after_a_refetch_that_still_names_its_key()
    {
        var token = ChannelTokens.Create(_key, ServiceUrl, expires: _time.GetUtcNow().AddHours(13));
        Assert.NotNull((await AuthenticateAsync(token)).Identity);

        _time.Advance(ChannelKeyStore.MaxAge);
        var again = await AuthenticateAsync(token);

        Assert.NotNull(again.Identity);
        Assert.Equal(2, _cloud.KeysRequests);
    }

    [Fact]
    public async Task A_cached_token_is_refused_when_the_refetched_key_set_replaced_its_key()
    {
        var token = ChannelTokens.Create(_key, ServiceUrl, expires: _time.GetUtcNow().AddHours(13));
        Assert.NotNull((await AuthenticateAsync(token)).Identity);

        _cloud.Publish(_replacement);
        _time.Advance(ChannelKeyStore.MaxAge);
        var again = await AuthenticateAsync(token);

        Assert.Null(again.Identity);
        Assert.Equal(2, _cloud.KeysRequests);
    }
}
