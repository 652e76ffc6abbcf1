using System.Net;
using GiBot.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace GiBot.Tests.Auth;

/// <summary>The bot as a user-assigned managed identity, with App Service's identity endpoint on the fake cloud.</summary>
public sealed class ManagedIdentityBotFixture : AuthenticatedBotFixture
{
    protected override void Configure(IDictionary<string, string?> environment)
    {
        environment["MicrosoftAppType"] = "UserAssignedMSI";
        environment["MicrosoftAppPassword"] = null;
        environment["IDENTITY_ENDPOINT"] = Cloud.BaseUrl + FakeCloud.ManagedIdentityPath;
        environment["IDENTITY_HEADER"] = FakeCloud.ManagedIdentitySecret;
    }
}

public sealed class ManagedIdentityTests(ManagedIdentityBotFixture bot) : IClassFixture<ManagedIdentityBotFixture>
{
    [Fact]
    public async Task Replies_carry_a_managed_identity_token_for_the_bot_framework_resource()
    {
        for (var i = 0; i < 2; i++)
        {
            var activity = Activities.Message(bot.Connector.ServiceUrl, "help", id: $"msi-{i}", conversationId: "a:msi");
            Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(activity, "Bearer " + bot.ValidToken())).StatusCode);
        }
        var first = await bot.WaitForReplyAsync("a:msi", "msi-0");
        var second = await bot.WaitForReplyAsync("a:msi", "msi-1");

        var query = QueryHelpers.ParseQuery(Assert.Single(bot.Cloud.ManagedIdentityQueries));
        Assert.Equal("https://api.botframework.com", query["resource"].ToString());
        Assert.Equal(ChannelTokens.AppId, query["client_id"].ToString());
        Assert.Equal("Bearer " + bot.Cloud.IssuedTokens.Single(), first.Authorization);
        Assert.Equal(first.Authorization, second.Authorization);
        Assert.Equal(0, bot.Cloud.TokenRequests);
        Assert.Empty(bot.Proxy.Requests);
    }
}
