using GiBot.Relay;
using GiBot.Storage;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Relay;

/// <summary>Exactly-once delivery through the outbox: throttling, outages, crashes before and after posting, permanent failures.</summary>
public sealed class RelayDeliveryTests : IAsyncLifetime
{
    private RelayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await RelayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task After_429s_and_503s_every_update_is_delivered_exactly_once()
    {
        FakeConnector.ScriptedFailure[] failures =
        [
            new(429, RetryAfter: "1"), new(429, RetryAfter: "1"),
            new(503), new(503), new(503), new(503), new(503),
        ];
        _harness.Connector.FailNext(failures);
        var bot = _harness.Bot();
        string[] units = ["知识产权维权保护中心", "质量发展科", "知识产权保护科"];
        foreach (var unit in units)
        {
            await RelayHarness.SubmitAsync(bot, RelayHarness.Report(unit: unit));
        }
        await RelayHarness.DrainAsync(bot, TimeSpan.FromSeconds(30));

        // Every call the fake answered with success produced one post: the scripted failures plus exactly
        // one thread start, three replies and the root updates for the two later updates, nothing more.
        var sent = _harness.Connector.Sent;
        Assert.Equal(failures.Length + 1 + units.Length + 2, sent.Count);
        var outbox = bot.Services.GetRequiredService<IRelayOutbox>();
        var posted = new List<string>();
        for (long id = 1; id <= units.Length; id++)
        {
            var message = await outbox.GetAsync(id, CancellationToken.None);
            Assert.NotNull(message?.DoneAt);
            posted.Add(Assert.IsType<string>(message.PostedActivityId));
        }
        Assert.Equal(units.Length, posted.Distinct().Count());
        foreach (var unit in units)
        {
            // Each unit's reply card reached the connector; a failed attempt was never followed by a second success.
            Assert.Contains(_harness.Replies, r => RelayHarness.Text(RelayHarness.CardOf(r.Json)).Contains($"{unit} · 第 8 项措施", StringComparison.Ordinal));
        }
        // The connector waited out Retry-After before trying again.
        Assert.True(sent[1].At - sent[0].At >= TimeSpan.FromSeconds(0.9), $"Retry-After not honoured: {sent[1].At - sent[0].At}");
    }

    [Fact]
    public async Task An_update_stored_before_a_crash_is_posted_after_restart()
    {
        var first = _harness.Bot(senderEnabled: false);
        await RelayHarness.SubmitAsync(first, RelayHarness.Report());
        Assert.Equal(1, await first.Services.GetRequiredService<IRelayOutbox>().CountPendingAsync(CancellationToken.None));
        await first.DisposeAsync();
        Assert.Empty(_harness.Connector.Sent);

        var second = _harness.Bot();
        await RelayHarness.DrainAsync(second);
        Assert.Single(_harness.ThreadStarts);
        Assert.Contains("知识产权维权保护中心", RelayHarness.Text(RelayHarness.CardOf(Assert.Single(_harness.Replies).Json)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_posted_before_a_crash_is_not_posted_again()
    {
        var first = _harness.Bot();
        await RelayHarness.SubmitAsync(first, RelayHarness.Report());
        await RelayHarness.DrainAsync(first);
        await first.DisposeAsync();

        // The second bot posts the next update and dies before Complete: the id is recorded, the claim still held.
        var second = _harness.Bot(senderEnabled: false);
        var key = await RelayHarness.SubmitAsync(second, RelayHarness.Report(unit: "质量发展科", status: "已完成", percent: 100));
        var outbox = second.Services.GetRequiredService<IRelayOutbox>();
        var claimed = Assert.Single(await outbox.ClaimAsync("crashed", 5, TimeSpan.FromMilliseconds(300), CancellationToken.None));
        Assert.True(await outbox.RecordPostedAsync(claimed.Id, "act-posted-before-crash", CancellationToken.None));
        await second.DisposeAsync();
        var repliesBefore = _harness.Replies.Count;

        var third = _harness.Bot();
        await RelayHarness.DrainAsync(third);
        Assert.Equal(repliesBefore, _harness.Replies.Count);
        Assert.Single(_harness.ThreadStarts);
        // What was left undone after posting is done: the root now shows the new status.
        Assert.Contains("已完成 · 100%", RelayHarness.Text(RelayHarness.CardOf(Assert.Single(_harness.RootUpdates).Json)), StringComparison.Ordinal);
        var message = await RelayHarness.MessageAsync(third, RelayOutboxMessages.UpdateKind, key);
        Assert.NotNull(message.DoneAt);
        Assert.Equal("act-posted-before-crash", message.PostedActivityId);
    }

    [Fact]
    public async Task A_removed_bot_is_given_up_on_and_admins_are_told_why()
    {
        _harness.Connector.FailNext(new FakeConnector.ScriptedFailure(403, Body: """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}"""));
        var bot = _harness.Bot();
        await RelayHarness.AddPersonalChatsAsync(bot, _harness.Connector.ServiceUrl);
        var key = await RelayHarness.SubmitAsync(bot, RelayHarness.Report());
        await RelayHarness.DrainAsync(bot);

        var outbox = bot.Services.GetRequiredService<IRelayOutbox>();
        var given = Assert.Single(await outbox.ListGivenUpAsync(CancellationToken.None));
        Assert.Equal($"{RelayOutboxMessages.UpdateKind}:{key}", given.DedupKey);
        Assert.Contains("移出", given.LastError, StringComparison.Ordinal);
        Assert.Null(given.PostedActivityId);

        var told = Assert.Single(await _harness.WaitForAsync(h => h.ChatMessages(RelayHarness.AdminChat)));
        var text = told.Json!["text"]!.GetValue<string>();
        Assert.Contains("GiBot 已被移出该团队", text, StringComparison.Ordinal);
        Assert.Contains("知识产权维权保护中心", text, StringComparison.Ordinal);
        Assert.Contains("在此频道接收进展", text, StringComparison.Ordinal);
        Assert.Empty(_harness.ChatMessages(RelayHarness.SubmitterChat));
    }

    [Fact]
    public async Task A_post_Teams_finds_too_large_is_given_up_and_admins_are_told_that_rather_than_to_check_the_channel()
    {
        _harness.Connector.FailNext(new FakeConnector.ScriptedFailure(413, Body: """{"error":{"code":"MessageSizeTooBig","message":"Message size too big"}}"""));
        var bot = _harness.Bot();
        await RelayHarness.AddPersonalChatsAsync(bot, _harness.Connector.ServiceUrl);
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report());
        await RelayHarness.DrainAsync(bot);

        var given = Assert.Single(await bot.Services.GetRequiredService<IRelayOutbox>().ListGivenUpAsync(CancellationToken.None));
        Assert.Contains("大小上限", given.LastError, StringComparison.Ordinal);
        var told = Assert.Single(await _harness.WaitForAsync(h => h.ChatMessages(RelayHarness.AdminChat)));
        var text = told.Json!["text"]!.GetValue<string>();
        Assert.Contains("：帖子超过了 Teams 单条消息的大小上限。", text, StringComparison.Ordinal);
        Assert.Contains("可发送“第8项进展”或“导出台账”查看", text, StringComparison.Ordinal);
        Assert.Contains("“重新转发”不会成功", text, StringComparison.Ordinal);
        Assert.Contains("413 MessageSizeTooBig", text, StringComparison.Ordinal);
        Assert.DoesNotContain("确认 GiBot 仍在该团队中", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(413, null, "大小上限")]
    [InlineData(400, "MessageSizeTooBig", "大小上限")]
    [InlineData(403, "BotNotInConversationRoster", "移出")]
    [InlineData(400, "BadArgument", "拒绝了该帖子")]
    public void The_reason_told_follows_the_status_and_the_error_code(int status, string? code, string reason) =>
        Assert.Contains(reason, AdminAlerts.Reason(new GiBot.Protocol.Connector.ConnectorException((System.Net.HttpStatusCode)status, code, "failed")), StringComparison.Ordinal);
}
