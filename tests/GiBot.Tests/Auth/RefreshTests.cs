using System.Net;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Auth;

/// <summary>
/// What refreshes when, in a bot process of its own (counts must not depend on other tests): channel
/// keys are fetched once and an unknown kid refetches at most once per 5 minutes; a 401 from the
/// connector makes MSAL fetch a fresh token.
/// </summary>
public sealed class RefreshTests(AuthenticatedBotFixture bot) : IClassFixture<AuthenticatedBotFixture>
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

    [Fact]
    public async Task A_401_from_the_connector_is_retried_once_with_a_fresh_token()
    {
        bot.Connector.FailNext(new FakeConnector.ScriptedFailure(401, PathContains: "a:refused-token"));
        var activity = Activities.Message(bot.Connector.ServiceUrl, "help", id: "refused-1", conversationId: "a:refused-token");
        var tokensBefore = bot.Cloud.TokenRequests;

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(activity, "Bearer " + bot.ValidToken())).StatusCode);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (bot.CallsFor("a:refused-token").Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        var calls = bot.CallsFor("a:refused-token");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.EndsWith("/activities/refused-1", c.Path));
        Assert.NotEqual(calls[0].Authorization, calls[1].Authorization);
        Assert.Equal("Bearer " + bot.Cloud.IssuedTokens.Last(), calls[1].Authorization);
        Assert.True(bot.Cloud.TokenRequests >= tokensBefore + 1);
    }
}
