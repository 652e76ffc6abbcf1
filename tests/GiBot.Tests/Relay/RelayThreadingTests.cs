using GiBot.Tests.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Relay;

/// <summary>Updates reach the channel as replies in one thread per measure and period, whose root shows every unit's latest status.</summary>
public sealed class RelayThreadingTests : IAsyncLifetime
{
    private RelayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await RelayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Updates_of_one_measure_and_period_share_one_thread_whose_root_is_updated()
    {
        var bot = _harness.Bot();
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(unit: "知识产权维权保护中心"));
        await RelayHarness.DrainAsync(bot);
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(unit: "质量发展科", status: "已完成", percent: 100));
        await RelayHarness.DrainAsync(bot);
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(measure: 9, unit: "质量发展科"));
        await RelayHarness.DrainAsync(bot);

        var starts = _harness.ThreadStarts;
        Assert.Equal(2, starts.Count);
        var root8 = starts[0].Json!;
        Assert.Equal(RelayHarness.ChannelId, root8["channelData"]!["channel"]!["id"]!.GetValue<string>());
        var rootCard = RelayHarness.CardOf(root8["activity"]);
        AdaptiveCardSchema.AssertValid(rootCard, "relay root");
        var rootText = RelayHarness.Text(rootCard);
        Assert.Contains("第 8 项措施", rootText, StringComparison.Ordinal);
        Assert.Contains("知识产权维权保护中心", rootText, StringComparison.Ordinal);
        Assert.Contains("进行中 · 60%", rootText, StringComparison.Ordinal);
        Assert.Contains("第 9 项措施", RelayHarness.Text(RelayHarness.CardOf(starts[1].Json!["activity"])), StringComparison.Ordinal);

        // Replies go into the thread of their measure: the first two into measure 8's (act-1), the third into measure 9's.
        var replies = _harness.Replies;
        Assert.Equal(3, replies.Count);
        Assert.All(replies.Take(2), r => Assert.Equal($"/v3/conversations/{RelayHarness.ChannelId};messageid=act-1/activities", r.Path));
        Assert.DoesNotContain("messageid=act-1/", replies[2].Path, StringComparison.Ordinal);

        // Measure 8's root was rewritten in place once, with both units' latest status.
        var update = Assert.Single(_harness.RootUpdates);
        Assert.Equal($"/v3/conversations/{RelayHarness.ChannelId};messageid=act-1/activities/act-1", update.Path);
        var updated = RelayHarness.CardOf(update.Json);
        AdaptiveCardSchema.AssertValid(updated, "relay root updated");
        Assert.Contains("知识产权维权保护中心", RelayHarness.Text(updated), StringComparison.Ordinal);
        Assert.Contains("已完成 · 100%", RelayHarness.Text(updated), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_that_reports_twice_in_a_period_is_shown_once_on_the_root_with_its_latest_update()
    {
        var bot = _harness.Bot();
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(unit: "质量发展科"));
        await RelayHarness.DrainAsync(bot);
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(unit: "质量发展科", status: "已完成", percent: 100));
        await RelayHarness.DrainAsync(bot);

        var updated = RelayHarness.Text(RelayHarness.CardOf(Assert.Single(_harness.RootUpdates).Json));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(updated, "质量发展科"));
        Assert.Contains("已完成 · 100%", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("进行中 · 60%", updated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_card_carries_everything_the_unit_submitted_and_marks_corrections()
    {
        var bot = _harness.Bot();
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report());
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(status: "已完成", percent: 100), correction: true);
        await RelayHarness.DrainAsync(bot);

        var replies = _harness.Replies;
        Assert.Equal(2, replies.Count);
        var first = RelayHarness.CardOf(replies[0].Json);
        AdaptiveCardSchema.AssertValid(first, "relay update");
        var text = RelayHarness.Text(first);
        foreach (var expected in new[] { "知识产权维权保护中心", "进行中", "60%", "工作进展", "知识产权维权保护中心开展了地理标志专项检查",
            "存在问题", "部分商户标识使用不规范", "下步计划", "下月开展回头看", "https://example.gov.cn/evidence/8.pdf", "李联络员", "提交时间", "relay.ack", "relay.more" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("更正：", text, StringComparison.Ordinal);

        var correction = RelayHarness.CardOf(replies[1].Json);
        AdaptiveCardSchema.AssertValid(correction, "relay correction");
        Assert.Contains("更正：", RelayHarness.Text(correction), StringComparison.Ordinal);
        Assert.Contains("100%", RelayHarness.Text(correction), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_major_issue_is_its_own_alerting_post_that_mentions_the_leads()
    {
        var bot = _harness.Bot();
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(major: true));
        await RelayHarness.DrainAsync(bot);

        // The thread root and the separate major-issue post both start threads; the reply goes into the measure's thread.
        var starts = _harness.ThreadStarts;
        Assert.Equal(2, starts.Count);
        Assert.Single(_harness.Replies);
        var post = starts.Single(s => s.Json!["activity"]!["channelData"]?["notification"]?["alert"]?.GetValue<bool>() == true).Json!["activity"]!;
        var card = RelayHarness.CardOf(post);
        AdaptiveCardSchema.AssertValid(card, "relay major issue");
        var mention = Assert.Single(card["msteams"]!["entities"]!.AsArray())!;
        Assert.Equal("mention", mention["type"]!.GetValue<string>());
        Assert.Equal(RelayHarness.LeadAad, mention["mentioned"]!["id"]!.GetValue<string>());
        Assert.Equal("<at>王科长</at>", mention["text"]!.GetValue<string>());
        var text = RelayHarness.Text(card);
        Assert.Contains("<at>王科长</at>", text, StringComparison.Ordinal);
        Assert.Contains("重大问题", text, StringComparison.Ordinal);
        Assert.Contains("发现跨区域假冒地理标志产品线索", text, StringComparison.Ordinal);
        Assert.DoesNotContain("更正", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrected_major_issue_says_it_is_a_correction()
    {
        var bot = _harness.Bot();
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(major: true));
        await RelayHarness.DrainAsync(bot);
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(major: true), correction: true);
        await RelayHarness.DrainAsync(bot);

        var alerts = _harness.ThreadStarts.Where(s => s.Json!["activity"]!["channelData"]?["notification"]?["alert"]?.GetValue<bool>() == true)
            .Select(s => RelayHarness.Text(RelayHarness.CardOf(s.Json!["activity"]))).ToArray();
        Assert.Equal(2, alerts.Length);
        Assert.DoesNotContain("更正", alerts[0], StringComparison.Ordinal);
        Assert.Contains("⚠ 重大问题（更正）", alerts[1], StringComparison.Ordinal);
        Assert.Contains("本条更正了该单位此前报告的重大问题", alerts[1], StringComparison.Ordinal);
        Assert.Contains("<at>王科长</at>", alerts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_that_withdraws_a_major_issue_tells_the_leads_so()
    {
        var bot = _harness.Bot();
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(major: true));
        await RelayHarness.DrainAsync(bot);
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(major: false), correction: true, withdrawsMajorIssue: true);
        await RelayHarness.DrainAsync(bot);

        var alerts = _harness.ThreadStarts.Where(s => s.Json!["activity"]!["channelData"]?["notification"]?["alert"]?.GetValue<bool>() == true)
            .Select(s => s.Json!["activity"]!).ToArray();
        Assert.Equal(2, alerts.Length);
        var card = RelayHarness.CardOf(alerts[1]);
        AdaptiveCardSchema.AssertValid(card, "relay major issue withdrawn");
        var text = RelayHarness.Text(card);
        Assert.Contains("重大问题已撤销 · 第 8 项措施", text, StringComparison.Ordinal);
        Assert.Contains("不再报告重大问题", text, StringComparison.Ordinal);
        Assert.Contains("<at>王科长</at>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("⚠", text, StringComparison.Ordinal);
        Assert.Equal("good", card["body"]![0]!["style"]!.GetValue<string>());
        Assert.StartsWith("重大问题已撤销", alerts[1]["summary"]!.GetValue<string>(), StringComparison.Ordinal);

        // The thread's reply for the correction says so as well.
        var reply = RelayHarness.Text(RelayHarness.CardOf(_harness.Replies[^1].Json));
        Assert.Contains("此前报告的重大问题已撤销", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_without_a_major_issue_before_or_after_posts_no_alert()
    {
        var bot = _harness.Bot();
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report());
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(percent: 70), correction: true);
        await RelayHarness.DrainAsync(bot);

        Assert.DoesNotContain(_harness.ThreadStarts, s => s.Json!["activity"]!["channelData"]?["notification"]?["alert"] is not null);
        Assert.DoesNotContain("撤销", RelayHarness.Text(RelayHarness.CardOf(_harness.Replies[^1].Json)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_thread_root_starts_a_new_thread_instead_of_failing()
    {
        var bot = _harness.Bot();
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report());
        await RelayHarness.DrainAsync(bot);
        _harness.Connector.FailNext(new Infrastructure.FakeConnector.ScriptedFailure(404, PathContains: ";messageid=act-1/activities"));
        await RelayHarness.SubmitAsync(bot, RelayHarness.Report(unit: "质量发展科"));
        await RelayHarness.DrainAsync(bot);

        Assert.Equal(2, _harness.ThreadStarts.Count);
        var newRoot = RelayHarness.CardOf(_harness.ThreadStarts[1].Json!["activity"]);
        Assert.Contains("质量发展科", RelayHarness.Text(newRoot), StringComparison.Ordinal);
        // act-1 root, act-2 first reply, act-3 the new root: the second reply went into the new thread.
        Assert.EndsWith(";messageid=act-3/activities", _harness.Replies[^1].Path, StringComparison.Ordinal);
        var outbox = bot.Services.GetRequiredService<GiBot.Storage.IRelayOutbox>();
        Assert.Empty(await outbox.ListGivenUpAsync(CancellationToken.None));
    }
}
