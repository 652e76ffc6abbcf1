using GiBot.Protocol.Hosting;
using Microsoft.Extensions.Configuration;

namespace GiBot.Tests.Protocol;

public sealed class BotFrameworkSettingsTests
{
    private static BotFrameworkSettings Read(Dictionary<string, string?> values) =>
        BotFrameworkSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Theory]
    [InlineData("SingleTenant", BotAppType.SingleTenant)]
    [InlineData("singletenant", BotAppType.SingleTenant)]
    [InlineData("UserAssignedMSI", BotAppType.UserAssignedMsi)]
    [InlineData("MultiTenant", BotAppType.MultiTenant)]
    [InlineData("nonsense", BotAppType.MultiTenant)]
    [InlineData(null, BotAppType.MultiTenant)]
    public void App_type_is_parsed_like_the_bot_framework_sdk(string? value, BotAppType expected) =>
        Assert.Equal(expected, Read(new() { ["MicrosoftAppType"] = value }).MicrosoftAppType);

    [Fact]
    public void Public_cloud_is_the_default()
    {
        var settings = Read(new() { ["MicrosoftAppId"] = "app" });
        Assert.Equal("https://api.botframework.com", settings.ToBotFromChannelTokenIssuer);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", settings.ToBotFromChannelOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com/.default", settings.Scope);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", settings.Authority);
        Assert.True(settings.ValidateAuthority);
        Assert.False(settings.IsLocalMode);
    }

    [Theory]
    [InlineData("https://botframework.azure.us")]
    [InlineData("https://botframework.azure.us/")]
    public void ChannelService_of_US_Government_selects_its_endpoints(string channelService)
    {
        var multiTenant = Read(new() { ["MicrosoftAppId"] = "app", ["ChannelService"] = channelService });
        Assert.Equal("https://api.botframework.us", multiTenant.ToBotFromChannelTokenIssuer);
        Assert.Equal("https://login.botframework.azure.us/v1/.well-known/openidconfiguration", multiTenant.ToBotFromChannelOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.us/.default", multiTenant.Scope);
        Assert.Equal("https://token.botframework.azure.us", multiTenant.OAuthUrl);
        Assert.Equal("https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us", multiTenant.Authority);

        var singleTenant = Read(new() { ["MicrosoftAppId"] = "app", ["ChannelService"] = channelService, ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppTenantId"] = "t-1" });
        Assert.Equal("https://login.microsoftonline.us/t-1", singleTenant.Authority);
    }

    [Fact]
    public void An_endpoint_key_overrides_the_default_of_the_cloud_ChannelService_names()
    {
        var settings = Read(new()
        {
            ["MicrosoftAppId"] = "app",
            ["ChannelService"] = "https://botframework.azure.us",
            ["ToBotFromChannelTokenIssuer"] = "https://issuer.example",
            ["ToChannelFromBotLoginUrl"] = "https://login.example/t-2",
        });
        Assert.Equal("https://issuer.example", settings.ToBotFromChannelTokenIssuer);
        Assert.Equal("https://login.example/t-2", settings.Authority);
        Assert.Equal("https://api.botframework.us/.default", settings.Scope);
    }

    [Fact]
    public void Single_tenant_authority_uses_the_tenant()
    {
        var settings = Read(new() { ["MicrosoftAppId"] = "app", ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppTenantId"] = "t-1" });
        Assert.Equal("https://login.microsoftonline.com/t-1", settings.Authority);
    }

    [Fact]
    public void China_overrides_replace_every_endpoint()
    {
        var settings = Read(new()
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = "t-1",
            ["ToChannelFromBotLoginUrl"] = "https://login.partner.microsoftonline.cn/t-1",
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.azure.cn",
            ["ToBotFromChannelTokenIssuer"] = "https://api.botframework.azure.cn",
            ["ToBotFromChannelOpenIdMetadataUrl"] = "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration",
            ["ValidateAuthority"] = "false",
        });
        Assert.Equal("https://login.partner.microsoftonline.cn/t-1", settings.Authority);
        Assert.Equal("https://api.botframework.azure.cn/.default", settings.Scope);
        Assert.Equal("https://api.botframework.azure.cn", settings.ToBotFromChannelTokenIssuer);
        Assert.False(settings.ValidateAuthority);
    }

    [Fact]
    public void An_empty_app_id_means_local_mode()
    {
        Assert.True(Read(new() { ["MicrosoftAppId"] = "  " }).IsLocalMode);
    }
}
