using GiBot.Protocol.Connector;
using GiBot.Protocol.Hosting;

namespace GiBot.Tests.Connector;

/// <summary>Resolved service URLs are remembered for speed; a refusal never is, and trust is still required.</summary>
public sealed class ConnectorServiceUrlCacheTests
{
    [Fact]
    public void A_refused_service_url_stays_refused_until_an_authenticated_activity_brings_it()
    {
        var policy = new ServiceUrlPolicy(new BotFrameworkSettings { MicrosoftAppId = "app" });

        Assert.Throws<ConnectorException>(() => policy.Resolve("https://smba.example/amer"));
        Assert.Throws<ConnectorException>(() => policy.Resolve("https://smba.example/amer"));
        policy.Trust("https://smba.example/amer");

        Assert.Equal("https://smba.example/amer/", policy.Resolve("https://smba.example/amer").AbsoluteUri);
        Assert.Same(policy.Resolve("https://smba.example/amer"), policy.Resolve("https://smba.example/amer"));
        Assert.Throws<ConnectorException>(() => policy.Resolve("https://smba.example/emea"));
    }

    [Fact]
    public void Trusting_the_same_url_again_keeps_it_trusted_in_every_spelling()
    {
        var policy = new ServiceUrlPolicy(new BotFrameworkSettings { MicrosoftAppId = "app" });

        policy.Trust("https://smba.example/amer/");
        policy.Trust("https://smba.example/amer/");

        Assert.True(policy.IsTrusted("https://smba.example/amer"));
        Assert.Equal("https://smba.example/amer/", policy.Resolve("https://smba.example/amer//").AbsoluteUri);
    }
}
