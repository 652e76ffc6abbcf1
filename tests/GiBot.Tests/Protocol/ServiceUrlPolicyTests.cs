using GiBot.Protocol.Connector;
using GiBot.Protocol.Hosting;

namespace GiBot.Tests.Protocol;

public sealed class ServiceUrlPolicyTests
{
    private static BotFrameworkSettings Hosted(params string[] allowed) =>
        new() { MicrosoftAppId = "app", AllowedServiceUrls = allowed };

    [Fact]
    public void With_credentials_an_unseen_service_url_is_refused()
    {
        var policy = new ServiceUrlPolicy(Hosted());
        Assert.False(policy.IsTrusted("https://smba.trafficmanager.net/amer/"));
        var refused = Assert.Throws<ConnectorException>(() => policy.Resolve("https://evil.example/"));
        Assert.True(refused.IsPermanent);
    }

    [Fact]
    public void A_service_url_seen_on_an_authenticated_activity_is_trusted_with_one_trailing_slash()
    {
        var policy = new ServiceUrlPolicy(Hosted());
        policy.Trust("https://smba.trafficmanager.net/amer/tenant-1");
        Assert.True(policy.IsTrusted("https://smba.trafficmanager.net/amer/tenant-1/"));
        Assert.Equal("https://smba.trafficmanager.net/amer/tenant-1/", policy.Resolve("https://smba.trafficmanager.net/amer/tenant-1//").AbsoluteUri);
    }

    [Fact]
    public void Configured_service_urls_are_trusted_from_the_start()
    {
        var policy = new ServiceUrlPolicy(Hosted("https://smba.trafficmanager.net/teams/"));
        Assert.True(policy.IsTrusted("https://smba.trafficmanager.net/teams"));
    }

    [Fact]
    public void Local_mode_sends_anywhere_because_it_never_sends_a_token()
    {
        var policy = new ServiceUrlPolicy(new BotFrameworkSettings());
        Assert.True(policy.IsTrusted("http://127.0.0.1:56150/_connector"));
        Assert.Throws<ArgumentException>(() => policy.Resolve("not a url"));
    }
}
