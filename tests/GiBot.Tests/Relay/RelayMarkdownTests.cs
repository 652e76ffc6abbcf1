using GiBot.Relay;
using GiBot.Storage;
using GiBot.Tests.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Relay;

/// <summary>What a unit typed reaches the channel as typed: no bold, lists, headings, links or @mentions of its own.</summary>
public sealed class RelayMarkdownTests : IAsyncLifetime
{
    private RelayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await RelayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private static ProgressReport Marked(bool major = true) => RelayHarness.Report(major: major) with
    {
        Progress = "**x** [link](http://a)",
        Problems = "# 标题\n- 项目\n1. 第一项",
        NextSteps = "请 <at>赵审阅</at> 关注",
        MajorIssueDescription = "_重大_ ~~问题~~",
        EvidenceUrl = "http://a/b_c*d",
    };

    private static RelayUpdatePayload Payload(ProgressReport report) =>
        new("k", report, new Submitter(RelayHarness.SubmitterAad, "zhang_*san*"), DateTimeOffset.UnixEpoch, false, "zh-CN");

    [Fact]
    public void A_relayed_update_shows_bold_links_lists_and_mentions_as_typed()
    {
        var cards = _harness.Bot(senderEnabled: false).Services.GetRequiredService<RelayCards>();
        // An underscore inside a word (审阅_人) starts no italics; one at its edge is escaped.
        var log = RelayReviewLog.Empty.With(new RelayReview(RelayReview.MoreRequested, "aad-r", "审阅_人_", DateTimeOffset.UnixEpoch, "`补充` > 说明"));

        var texts = CardTexts.Of(cards.Update(1, Payload(Marked()), log).Content);

        Assert.Contains(@"\*\*x\*\* [link]\(http://a)", texts);
        Assert.Contains("\\# 标题\n\\- 项目\n1\\. 第一项", texts);
        Assert.Contains(@"请 \<at>赵审阅\</at> 关注", texts);
        Assert.Contains(@"\_重大\_ \~\~问题\~\~", texts);
        Assert.Contains(@"zhang\_\*san\*", texts);
        Assert.Contains(@"http://a/b_c\*d", texts);
        Assert.Contains(texts, t => t.Contains(@"审阅_人\_ 于", StringComparison.Ordinal) && t.EndsWith(@"请求补充：\`补充\` > 说明", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("**x**", StringComparison.Ordinal) || t.Contains("<at>赵审阅</at>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_major_issue_shows_its_description_as_typed_and_still_mentions_the_leads()
    {
        var cards = _harness.Bot(senderEnabled: false).Services.GetRequiredService<RelayCards>();

        var card = cards.MajorIssue(Payload(Marked()), [("aad-lead", "孙_科长")]).Content;

        var texts = CardTexts.Of(card);
        Assert.Contains(@"\_重大\_ \~\~问题\~\~", texts);
        Assert.Contains(texts, t => t.Contains("请 <at>孙_科长</at> 关注。", StringComparison.Ordinal));
        Assert.Equal("<at>孙_科长</at>", card["msteams"]!["entities"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sections_of_nothing_but_markup_at_their_limit_still_go_as_one_card_within_Teams_limit()
    {
        // Every character escaped, and every backslash escaped again in the card's JSON.
        var stars = new string('*', 2000);
        var report = RelayHarness.Report(major: true) with { Progress = stars, Problems = stars, NextSteps = stars, MajorIssueDescription = stars };
        var bot = _harness.Bot();
        await RelayHarness.SubmitAsync(bot, report);
        await RelayHarness.DrainAsync(bot);

        var reply = Assert.Single(_harness.Replies).Json!;
        var section = new string('*', 800).Replace("*", @"\*", StringComparison.Ordinal) + "…（全文 2000 字，见督办台账）";
        Assert.Equal(4, CardTexts.Of(RelayHarness.CardOf(reply)).Count(t => t == section));
        Assert.InRange(2L * RelayHarness.Text(reply).Length, 0, 80 * 1024);
    }
}
