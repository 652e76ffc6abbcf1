using GiBot.Protocol.Connector;
using GiBot.Protocol.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Auth;

/// <summary>Which token provider each app type gets, and the startup errors for incomplete credentials.</summary>
public sealed class OutboundTokenSetupTests
{
    [Theory]
    [InlineData("SingleTenant", "", "secret", "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", "", "", "MicrosoftAppTenantId and MicrosoftAppPassword")]
    [InlineData("SingleTenant", "tenant-1", "", "MicrosoftAppPassword")]
    [InlineData("MultiTenant", "", "", "MicrosoftAppPassword")]
    public void Incomplete_credentials_stop_the_bot_at_startup(string appType, string tenant, string password, string named)
    {
        var settings = Settings(appType, tenant, password);

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddLogging().AddBotProtocol(settings));

        Assert.Contains(named, error.Message);
        Assert.Contains(appType, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("SingleTenant", "tenant-1", "secret")]
    [InlineData("MultiTenant", "", "secret")]
    [InlineData("UserAssignedMSI", "", "")]
    public void Complete_credentials_get_the_msal_provider(string appType, string tenant, string password)
    {
        using var services = new ServiceCollection().AddLogging().AddBotProtocol(Settings(appType, tenant, password)).BuildServiceProvider();

        var provider = services.GetRequiredService<IBotTokenProvider>();

        Assert.IsType<MsalTokenProvider>(provider);
        Assert.Same(provider, services.GetRequiredService<IBotTokenProvider>());
    }

    [Fact]
    public void Local_mode_sends_no_token()
    {
        using var services = new ServiceCollection().AddLogging().AddBotProtocol(Settings("SingleTenant", "", "", appId: "")).BuildServiceProvider();

        Assert.IsType<NoTokenProvider>(services.GetRequiredService<IBotTokenProvider>());
    }

    private static BotFrameworkSettings Settings(string appType, string tenant, string password, string appId = ChannelTokens.AppId) =>
        BotFrameworkSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppTenantId"] = tenant,
            ["MicrosoftAppPassword"] = password,
        }).Build());
}
