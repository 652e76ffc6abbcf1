using System.Net;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Auth;

/// <summary>Key caching in the bot process: fetched once, and an unknown kid refetches at most once per 5 minutes.</summary>
public sealed class KeyRefreshTests(AuthenticatedBotFixture bot) : IClassFixture<AuthenticatedBotFixture>
{
    [Fact]
    public async Task Keys_are_cached_and_an_unknown_kid_refetches_them_only_once()
    {
        for (var i = 0; i < 3; i++)
        {
            var activity = Activities.Message(bot.Connector.ServiceUrl, "help", id: $"cached-{i}", conversationId: "a:cached");
            Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(activity, "Bearer " + bot.ValidToken())).StatusCode);
        }
        Assert.Equal(1, bot.Cloud.MetadataRequests);
        Assert.Equal(1, bot.Cloud.KeysRequests);

        for (var i = 0; i < 3; i++)
        {
            var forged = ChannelTokens.Create(bot.UnpublishedKey, bot.Connector.ServiceUrl);
            var activity = Activities.Message(bot.Connector.ServiceUrl, "help", id: $"unknown-{i}", conversationId: "a:unknown-kid");
            Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAsync(activity, "Bearer " + forged)).StatusCode);
        }

        Assert.Equal(2, bot.Cloud.MetadataRequests);
        Assert.Equal(2, bot.Cloud.KeysRequests);
        Assert.Empty(bot.CallsFor("a:unknown-kid"));
    }
}
