using System.Net;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Auth;

/// <summary>
/// Protocol.md 1.2 against the real bot process: one valid token passes, and every forgery or
/// mistake gets 401 with nothing processed. Shares one bot process across the cases.
/// </summary>
public sealed class InboundAuthenticationTests(AuthenticatedBotFixture bot) : IClassFixture<AuthenticatedBotFixture>
{
    public static TheoryData<string> RejectedCases =>
    [
        "no header",
        "scheme only",
        "basic scheme",
        "three parts",
        "lowercase scheme",
        "not a jwt",
        "garbage in three parts",
        "expired",
        "not yet valid",
        "wrong audience",
        "wrong issuer",
        "alg none",
        "HS256 with the public key",
        "unknown kid",
        "key not endorsed for msteams",
        "serviceurl claim mismatch",
        "tampered payload",
    ];

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_the_reply_carries_a_token_from_the_token_endpoint()
    {
        var activity = Activities.Message(bot.Connector.ServiceUrl, "help", id: "valid-1", conversationId: "a:valid");

        var response = await bot.PostAsync(activity, "Bearer " + bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await bot.WaitForReplyAsync("a:valid", "valid-1");
        Assert.Contains("list all measures", reply.Json!["text"]!.GetValue<string>());
        Assert.Contains(reply.Authorization, bot.Cloud.IssuedTokens.Select(t => "Bearer " + t));
        var form = bot.Cloud.TokenRequestForms.First();
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(ChannelTokens.AppId, form["client_id"]);
        Assert.Equal(AuthenticatedBotFixture.AppPassword, form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
        Assert.Empty(bot.Cloud.OtherRequests);
        // ValidateAuthority=false: no instance discovery, so nothing tried to reach a Microsoft host.
        Assert.Empty(bot.Proxy.Requests);
    }

    [Fact]
    public async Task A_token_expired_less_than_five_minutes_ago_is_still_accepted()
    {
        var token = ChannelTokens.Create(bot.TeamsKey, bot.Connector.ServiceUrl,
            notBefore: DateTimeOffset.UtcNow.AddHours(-1), expires: DateTimeOffset.UtcNow.AddMinutes(-3));
        var activity = Activities.Message(bot.Connector.ServiceUrl, "help", id: "skew-1", conversationId: "a:skew");

        var response = await bot.PostAsync(activity, "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.WaitForReplyAsync("a:skew", "skew-1");
    }

    [Fact]
    public async Task Many_replies_use_one_cached_token()
    {
        for (var i = 0; i < 4; i++)
        {
            var activity = Activities.Message(bot.Connector.ServiceUrl, "help", id: $"many-{i}", conversationId: $"a:many-{i}");
            Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(activity, "Bearer " + bot.ValidToken())).StatusCode);
        }
        var replies = new List<FakeConnector.Call>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add(await bot.WaitForReplyAsync($"a:many-{i}", $"many-{i}"));
        }

        Assert.Single(replies.Select(r => r.Authorization).Distinct());
        Assert.StartsWith("Bearer gibot-test-access-token-", replies[0].Authorization);
        Assert.Equal(1, bot.Cloud.TokenRequests);
    }

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public async Task A_bad_or_missing_token_gets_401_and_nothing_is_processed(string @case)
    {
        var conversationId = "a:reject-" + @case.Replace(' ', '-');
        var activity = Activities.Message(bot.Connector.ServiceUrl, "help", id: "rejected-1", conversationId: conversationId);

        var response = await bot.PostAsync(activity, AuthorizationFor(@case));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Proof that nothing was processed: a valid follow-up in the same conversation is the only reply there.
        var sentinel = Activities.Message(bot.Connector.ServiceUrl, "help", id: "sentinel-1", conversationId: conversationId);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(sentinel, "Bearer " + bot.ValidToken())).StatusCode);
        await bot.WaitForReplyAsync(conversationId, "sentinel-1");
        var only = Assert.Single(bot.CallsFor(conversationId));
        Assert.EndsWith("/activities/sentinel-1", only.Path);
    }

    [Fact]
    public async Task The_reason_is_logged_but_not_sent()
    {
        var expired = ChannelTokens.Create(bot.TeamsKey, bot.Connector.ServiceUrl,
            notBefore: DateTimeOffset.UtcNow.AddHours(-2), expires: DateTimeOffset.UtcNow.AddMinutes(-10));

        var response = await bot.PostAsync(Activities.Message(bot.Connector.ServiceUrl, "help", conversationId: "a:logged"), "Bearer " + expired);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("expire", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!bot.Bot.Output.Contains("SecurityTokenExpiredException", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Contains("SecurityTokenExpiredException", bot.Bot.Output);
    }

    private string? AuthorizationFor(string @case)
    {
        var serviceUrl = bot.Connector.ServiceUrl;
        var now = DateTimeOffset.UtcNow;
        return @case switch
        {
            "no header" => null,
            "scheme only" => "Bearer",
            "basic scheme" => "Basic " + Convert.ToBase64String("user:password"u8.ToArray()),
            "three parts" => "Bearer " + bot.ValidToken() + " extra",
            "lowercase scheme" => "bearer " + bot.ValidToken(),
            "not a jwt" => "Bearer not-a-jwt",
            "garbage in three parts" => "Bearer eyJhbGciOi.eyJpc3MiOiJ4.c2ln",
            "expired" => Bearer(ChannelTokens.Create(bot.TeamsKey, serviceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-10))),
            "not yet valid" => Bearer(ChannelTokens.Create(bot.TeamsKey, serviceUrl, notBefore: now.AddMinutes(10), expires: now.AddHours(1))),
            "wrong audience" => Bearer(ChannelTokens.Create(bot.TeamsKey, serviceUrl, audience: "another-bot-app-id")),
            "wrong issuer" => Bearer(ChannelTokens.Create(bot.TeamsKey, serviceUrl, issuer: "https://api.botframework.com")),
            "alg none" => Bearer(ChannelTokens.Unsigned(bot.TeamsKey, serviceUrl)),
            "HS256 with the public key" => Bearer(ChannelTokens.HmacWithPublicKey(bot.TeamsKey, serviceUrl)),
            "unknown kid" => Bearer(ChannelTokens.Create(bot.UnpublishedKey, serviceUrl)),
            "key not endorsed for msteams" => Bearer(ChannelTokens.Create(bot.WebChatKey, serviceUrl)),
            "serviceurl claim mismatch" => Bearer(ChannelTokens.Create(bot.TeamsKey, "https://smba.trafficmanager.net/amer/")),
            "tampered payload" => Bearer(ChannelTokens.Tampered(bot.ValidToken())),
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "unknown case"),
        };
    }

    private static string Bearer(string token) => "Bearer " + token;
}
