using System.Net;
using System.Text.Json.Nodes;
using GiBot.Storage;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Relay;

/// <summary>Choosing the relay channel: kept waiting until one is set, "在此频道接收进展" for admins only, channels recorded on install.</summary>
public sealed class RelayChannelSettingTests : IAsyncLifetime
{
    private const string OtherChannel = "19:other-ip@thread.tacv2";

    private RelayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await RelayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Without_a_channel_updates_wait_admins_are_told_once_and_relay_here_releases_them()
    {
        var bot = _harness.Bot(configured: false);
        await RelayHarness.AddPersonalChatsAsync(bot, _harness.Connector.ServiceUrl);
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report());
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(unit: "质量发展科"));

        var told = Assert.Single(await _harness.WaitForAsync(h => h.ChatMessages(RelayHarness.AdminChat)));
        Assert.Contains("在此频道接收进展", told.Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await Task.Delay(300); // several sender rounds
        Assert.Single(_harness.ChatMessages(RelayHarness.AdminChat));
        var outbox = bot.Services.GetRequiredService<IRelayOutbox>();
        Assert.Equal(2, await outbox.CountPendingAsync(CancellationToken.None));
        Assert.Equal(0, (await outbox.GetAsync(1, CancellationToken.None))!.Attempts);
        Assert.Empty(_harness.ThreadStarts);

        await Say(bot, "在此频道接收进展", RelayHarness.AdminAad, "管理员甲", OtherChannel);
        await RelayHarness.DrainAsync(bot);
        var start = Assert.Single(_harness.ThreadStarts);
        Assert.Equal(OtherChannel, start.Json!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(2, _harness.Replies.Count);
        Assert.All(_harness.Replies, r => Assert.StartsWith($"/v3/conversations/{OtherChannel};messageid=", r.Path, StringComparison.Ordinal));
        var confirmation = _harness.Connector.Sent.Single(c => c.Path.StartsWith($"/v3/conversations/{OtherChannel}/activities", StringComparison.Ordinal));
        Assert.Contains("转发到本频道", confirmation.Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_channel_the_bot_was_never_added_to_tells_admins_to_add_the_bot()
    {
        var bot = _harness.Bot(configured: false, extra: new()
        {
            ["Relay:TeamId"] = RelayHarness.TeamId,
            ["Relay:ChannelId"] = RelayHarness.ChannelId,
        });
        await RelayHarness.AddPersonalChatsAsync(bot, _harness.Connector.ServiceUrl);
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report());

        var told = Assert.Single(await _harness.WaitForAsync(h => h.ChatMessages(RelayHarness.AdminChat)));
        var text = told.Json!["text"]!.GetValue<string>();
        Assert.Contains("还没有被添加到该频道所在的团队", text, StringComparison.Ordinal);
        Assert.DoesNotContain("填写 TeamId 和 ChannelId", text, StringComparison.Ordinal);
        Assert.Empty(_harness.ThreadStarts);
    }

    [Fact]
    public async Task A_non_admin_cannot_move_the_relay_and_is_told_why()
    {
        var bot = _harness.Bot();
        await Say(bot, "relay here", RelayHarness.SubmitterAad, "李联络员", OtherChannel);
        var answer = Assert.Single(await _harness.Connector.WaitForSentAsync(1));
        var text = answer.Json!["text"]!.GetValue<string>();
        Assert.Contains("Only administrators", text, StringComparison.Ordinal);
        Assert.Contains("may see and change the roster, reminder schedules and relay settings", text, StringComparison.Ordinal);
        Assert.Contains("please contact an administrator: 管理员甲", text, StringComparison.OrdinalIgnoreCase);

        await RelayHarness.SubmitAsync(bot, RelayHarness.Report());
        await RelayHarness.DrainAsync(bot);
        Assert.Equal(RelayHarness.ChannelId, Assert.Single(_harness.ThreadStarts).Json!["channelData"]!["channel"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Installing_in_a_team_records_its_channels_so_a_configured_channel_needs_no_service_url()
    {
        _harness.Connector.GetResponses[$"/v3/teams/{RelayHarness.TeamId}/conversations"] = new JsonObject
        {
            ["conversations"] = new JsonArray(
                new JsonObject { ["id"] = RelayHarness.TeamId },
                new JsonObject { ["id"] = RelayHarness.ChannelId, ["name"] = "知识产权保护科" }),
        }.ToJsonString();
        var bot = _harness.Bot(configured: false, extra: new()
        {
            ["Relay:TeamId"] = RelayHarness.TeamId,
            ["Relay:ChannelId"] = RelayHarness.ChannelId,
        });
        var install = RelayChannelActivities.Message(_harness.Connector.ServiceUrl, "", "aad-installer", "安装者", RelayHarness.TeamId, RelayHarness.TeamId);
        install["type"] = "conversationUpdate";
        install.Remove("text");
        install["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId });
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(install)).StatusCode);

        var reference = await bot.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(RelayHarness.ChannelId, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Equal(_harness.Connector.ServiceUrl, reference.ServiceUrl);
        Assert.Equal(RelayHarness.TeamId, reference.TeamId);

        await RelayHarness.SubmitAsync(bot, RelayHarness.Report());
        await RelayHarness.DrainAsync(bot);
        var start = Assert.Single(_harness.ThreadStarts);
        Assert.Equal(RelayHarness.ChannelId, start.Json!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.BotId, start.Json!["bot"]!["id"]!.GetValue<string>());
    }

    private async Task Say(BotApp bot, string text, string aad, string name, string channelId) =>
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(RelayChannelActivities.MentioningBot(_harness.Connector.ServiceUrl, text, aad, name, channelId))).StatusCode);
}
