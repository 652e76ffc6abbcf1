using System.Net;
using GiBot.Protocol.Connector;
using GiBot.Relay;
using GiBot.Storage;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Relay;

/// <summary>Posts the relay gave up on go out again once an admin fixed the cause: a new channel, or "重新转发".</summary>
public sealed class RelayRequeueTests : IAsyncLifetime
{
    private const string NewChannel = "19:new-ip@thread.tacv2";

    private static readonly FakeConnector.ScriptedFailure Removed =
        new(403, Body: """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");

    private RelayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await RelayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Choosing_a_new_channel_sends_the_updates_given_up_on_there()
    {
        var bot = await GivenUpAsync();
        await SayInChannel(bot, "在此频道接收进展", RelayHarness.AdminAad, "管理员甲", NewChannel);
        await RelayHarness.DrainAsync(bot);

        var outbox = bot.Services.GetRequiredService<IRelayOutbox>();
        Assert.Empty(await outbox.ListGivenUpAsync(CancellationToken.None));
        var start = _harness.ThreadStarts.Last();
        Assert.Equal(NewChannel, start.Json!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Single(_harness.Replies, r => r.Path.StartsWith($"/v3/conversations/{NewChannel};messageid=", StringComparison.Ordinal));
        var confirmation = _harness.Connector.Sent.Single(c => c.Path.StartsWith($"/v3/conversations/{NewChannel}/activities", StringComparison.Ordinal));
        Assert.Contains("此前未能送达的 1 条进展", confirmation.Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relay_retry_from_an_admin_sends_them_again_once()
    {
        var bot = await GivenUpAsync();
        var threadStarts = _harness.ThreadStarts.Count;

        await SayInChat(bot, "重新转发", RelayHarness.AdminAad);
        await RelayHarness.DrainAsync(bot);
        var answer = await _harness.WaitForAsync(h => h.RepliesIn(RelayHarness.AdminChat));
        Assert.Contains("1 条此前未能送达的进展将重新转发", Assert.Single(answer).Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(threadStarts + 1, _harness.ThreadStarts.Count);
        Assert.Single(_harness.Replies);
        Assert.Empty(await bot.Services.GetRequiredService<IRelayOutbox>().ListGivenUpAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failure_is_told_once_until_a_retry_then_told_again()
    {
        var bot = await GivenUpAsync();
        var alerts = bot.Services.GetRequiredService<AdminAlerts>();
        var target = new RelayTarget(RelayHarness.TeamId, RelayHarness.ChannelId, _harness.Connector.ServiceUrl, "tenant-1", Activities.BotId);
        var failure = new ConnectorException(HttpStatusCode.Forbidden, "BotNotInConversationRoster", "removed");
        int Told() => _harness.ChatMessages(RelayHarness.AdminChat).Count(c => c.Json!["text"]!.GetValue<string>().Contains("GiBot 已被移出该团队", StringComparison.Ordinal));

        await alerts.TellPermanentFailureAsync(target, failure, null, CancellationToken.None);
        Assert.Equal(1, Told()); // already told by the first failure

        await alerts.RequeueGivenUpAsync(bot.Services.GetRequiredService<IRelayOutbox>(), CancellationToken.None);
        await alerts.TellPermanentFailureAsync(target, failure, null, CancellationToken.None);
        await alerts.TellPermanentFailureAsync(target, failure, null, CancellationToken.None);
        Assert.Equal(2, Told());
    }

    [Fact]
    public async Task A_failure_no_admin_could_be_told_about_is_told_when_it_happens_again_and_one_can()
    {
        var bot = _harness.Bot();
        var alerts = bot.Services.GetRequiredService<AdminAlerts>();
        var target = new RelayTarget(RelayHarness.TeamId, RelayHarness.ChannelId, _harness.Connector.ServiceUrl, "tenant-1", Activities.BotId);
        var failure = new ConnectorException(HttpStatusCode.Forbidden, "BotNotInConversationRoster", "removed");
        int Told() => _harness.ChatMessages(RelayHarness.AdminChat).Count(c => c.Json!["text"]!.GetValue<string>().Contains("GiBot 已被移出该团队", StringComparison.Ordinal));

        await alerts.TellPermanentFailureAsync(target, failure, null, CancellationToken.None); // no admin has a chat yet
        Assert.Equal(0, Told());

        await RelayHarness.AddPersonalChatsAsync(bot, _harness.Connector.ServiceUrl);
        await alerts.TellPermanentFailureAsync(target, failure, null, CancellationToken.None);
        await alerts.TellPermanentFailureAsync(target, failure, null, CancellationToken.None);
        Assert.Equal(1, Told());
    }

    [Fact]
    public async Task Only_an_admin_may_ask_for_a_retry_and_with_nothing_given_up_says_so()
    {
        var bot = await GivenUpAsync();
        await SayInChat(bot, "重新转发", RelayHarness.SubmitterAad);
        var refusal = Assert.Single(await _harness.WaitForAsync(h => h.RepliesIn(RelayHarness.SubmitterChat)));
        Assert.Contains("未能重新转发", refusal.Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await bot.Services.GetRequiredService<IRelayOutbox>().ListGivenUpAsync(CancellationToken.None));

        await SayInChat(bot, "relay retry", RelayHarness.AdminAad);
        await RelayHarness.DrainAsync(bot);
        await SayInChat(bot, "relay retry", RelayHarness.AdminAad);
        var last = (await _harness.WaitForAsync(h => h.RepliesIn(RelayHarness.AdminChat), 2)).Last();
        Assert.Contains("nothing to send again", last.Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<BotApp> GivenUpAsync()
    {
        _harness.Connector.FailNext(Removed);
        var bot = _harness.Bot();
        await RelayHarness.AddPersonalChatsAsync(bot, _harness.Connector.ServiceUrl);
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report());
        await RelayHarness.DrainAsync(bot);
        Assert.Single(await bot.Services.GetRequiredService<IRelayOutbox>().ListGivenUpAsync(CancellationToken.None));
        await _harness.WaitForAsync(h => h.ChatMessages(RelayHarness.AdminChat));
        return bot;
    }

    private async Task SayInChannel(BotApp bot, string text, string aad, string name, string channelId) =>
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(RelayChannelActivities.MentioningBot(_harness.Connector.ServiceUrl, text, aad, name, channelId))).StatusCode);

    private async Task SayInChat(BotApp bot, string text, string aad)
    {
        var chat = aad == RelayHarness.AdminAad ? RelayHarness.AdminChat : RelayHarness.SubmitterChat;
        var message = Activities.PersonalMessage(_harness.Connector.ServiceUrl, chat, aad, aad == RelayHarness.AdminAad ? "管理员甲" : "李联络员", text);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(message)).StatusCode);
    }
}
