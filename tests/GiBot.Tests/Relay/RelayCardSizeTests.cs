using System.Text.Json.Nodes;
using GiBot.Relay;
using GiBot.Storage;
using GiBot.Tests.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Relay;

/// <summary>
/// Every valid update reaches the channel as its card, within Teams' message size limit: long sections are shortened
/// there (the 督办台账 has them whole), and so are a long evidence link's fact and the review list.
/// </summary>
public sealed class RelayCardSizeTests : IAsyncLifetime
{
    private const int MaxText = 2000;
    private RelayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await RelayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private static ProgressReport AtLimits(string text) =>
        new(8, "知识产权维权保护中心", RelayHarness.Period, "进行中", 60, text, text, text, true, text, "https://example.gov.cn/evidence/" + new string('a', MaxText - 32));

    /// <summary>Each activity as Teams counts it: UTF-16, two bytes per character of its JSON.</summary>
    private static long Size(JsonNode activity) => 2L * RelayHarness.Text(activity).Length;

    private async Task<(JsonNode Reply, JsonNode Alert)> RelayAsync(ProgressReport report)
    {
        var bot = _harness.Bot();
        await RelayHarness.SubmitAsync(bot, report);
        await RelayHarness.DrainAsync(bot);
        var alert = _harness.ThreadStarts.Single(s => s.Json!["activity"]!["channelData"]?["notification"]?["alert"]?.GetValue<bool>() == true).Json!["activity"]!;
        return (Assert.Single(_harness.Replies).Json!, alert);
    }

    [Fact]
    public async Task Four_sections_at_their_limit_and_a_long_link_are_relayed_shortened_with_where_to_read_them_whole()
    {
        var text = string.Concat(Enumerable.Repeat("组织开展地理标志保护专项行动，", 200))[..MaxText];
        var (reply, alert) = await RelayAsync(AtLimits(text));

        var card = RelayHarness.CardOf(reply);
        AdaptiveCardSchema.AssertValid(card, "relay update at the field limits");
        var shown = RelayHarness.Text(card);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(shown, System.Text.RegularExpressions.Regex.Escape($"{text[..800]}…（全文 2000 字，见督办台账）")));
        Assert.Contains("\"url\":\"https://example.gov.cn/evidence/aaaa", shown, StringComparison.Ordinal);
        Assert.InRange(Size(reply), 0, 80 * 1024);

        var alertCard = RelayHarness.CardOf(alert);
        AdaptiveCardSchema.AssertValid(alertCard, "relay major issue at the field limits");
        Assert.Contains("…（全文 2000 字，见督办台账）", RelayHarness.Text(alertCard), StringComparison.Ordinal);
        Assert.InRange(Size(alert), 0, 80 * 1024);
    }

    [Fact]
    public async Task Sections_whose_JSON_is_six_times_their_length_still_go_as_a_card()
    {
        // An emoji is two characters and a twelve-character escape in the card's JSON.
        var (reply, alert) = await RelayAsync(AtLimits(string.Concat(Enumerable.Repeat("📌", MaxText / 2))));

        Assert.Contains("…（全文 2000 字，见督办台账）", RelayHarness.Text(RelayHarness.CardOf(reply)), StringComparison.Ordinal);
        Assert.Contains("…（全文 2000 字，见督办台账）", RelayHarness.Text(RelayHarness.CardOf(alert)), StringComparison.Ordinal);
        Assert.InRange(Size(reply), 0, 80 * 1024);
    }

    [Fact]
    public void A_link_with_its_button_is_only_begun_in_its_fact_and_one_too_long_for_a_button_is_shown_whole()
    {
        var cards = _harness.Bot(senderEnabled: false).Services.GetRequiredService<RelayCards>();
        var ascii = "https://example.gov.cn/evidence/" + new string('a', MaxText - 32);
        var chinese = "https://example.gov.cn/佐证/" + new string('材', MaxText - 30); // every character escaped to nine in the link
        RelayUpdatePayload Payload(string url) =>
            new("k", AtLimits("进展") with { EvidenceUrl = url }, new Submitter(RelayHarness.SubmitterAad, "李联络员"), DateTimeOffset.UnixEpoch, false, "zh-CN");

        var withButton = RelayHarness.Text(cards.Update(1, Payload(ascii), RelayReviewLog.Empty).Content);
        var withoutButton = RelayHarness.Text(cards.Update(1, Payload(chinese), RelayReviewLog.Empty).Content);

        Assert.Contains($"\"value\":\"{ascii[..200]}…\"", withButton, StringComparison.Ordinal);
        Assert.Contains("查看佐证材料", withButton, StringComparison.Ordinal);
        Assert.Contains($"\"value\":\"{chinese}\"", withoutButton, StringComparison.Ordinal);
        Assert.DoesNotContain("查看佐证材料", withoutButton, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_review_list_shows_the_latest_ten_with_comments_shortened()
    {
        var cards = _harness.Bot(senderEnabled: false).Services.GetRequiredService<RelayCards>();
        var at = new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
        var log = Enumerable.Range(1, 15).Aggregate(RelayReviewLog.Empty, (l, i) =>
            l.With(new RelayReview(RelayReview.MoreRequested, $"aad-{i}", $"审阅人{i}", at.AddMinutes(i), $"第{i}条：" + new string('补', 1000))));
        var payload = new RelayUpdatePayload("k", AtLimits("进展"), new Submitter(RelayHarness.SubmitterAad, "李联络员"), at, false, "zh-CN");

        var card = cards.Update(1, payload, log).Content;

        AdaptiveCardSchema.AssertValid(card, "relay update with fifteen long reviews");
        var shown = RelayHarness.Text(card);
        Assert.Contains("（另有 5 条较早的审阅记录）", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("审阅人5 ", shown, StringComparison.Ordinal);
        Assert.Contains("审阅人6 ", shown, StringComparison.Ordinal);
        Assert.Contains("第15条：" + new string('补', 295) + "…", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('补', 297), shown, StringComparison.Ordinal);
    }
}
