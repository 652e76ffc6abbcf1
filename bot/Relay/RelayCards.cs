using System.Globalization;
using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Localization;
using GiBot.Measures.Cards;
using GiBot.Measures.Registry;
using GiBot.Storage;

namespace GiBot.Relay;

/// <summary>
/// The channel's cards (templates cards/relay-*.json). The channel is the Chinese-speaking
/// 知识产权保护科, so these cards are in Chinese whatever language the unit reported in.
/// </summary>
public sealed class RelayCards(MeasureRegistry registry, TimeProvider time)
{
    private const int MeasureTextLength = 80;

    /// <summary>
    /// A long section is shortened to this many characters in the channel (the 督办台账 has it whole): four sections at
    /// their 2000-character limit, with the rest of the card, would make a message Teams refuses.
    /// </summary>
    private const int SectionLength = 800;

    /// <summary>Reviews shown on a relayed update, the latest ones, and how much of a 需补充 comment (the submitter got it whole).</summary>
    private const int ReviewsShown = 10, CommentLength = 300;

    /// <summary>
    /// A link longer than this (Chinese in a link is escaped to nine characters each) gets no button; its fact then shows
    /// it whole, so it can still be copied. A fact of a link that has its button shows only the start.
    /// </summary>
    private const int MaxLinkLength = 2048, LinkShownLength = 200;

    // Times are shown in China Standard Time, where every reader is.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public AdaptiveCard Root(int measure, string period, IReadOnlyList<ProgressUpdate> current) =>
        Card("relay-root", new CardValues()
            .Set("heading", $"第 {measure} 项措施 · {period} 进展")
            .Set("measureText", ShortText(measure))
            .Set("units", current.OrderBy(u => u.Report.UnitId, StringComparer.Ordinal).Select(u => Fact(u.Report.UnitId, StatusLine(u.Report, u.SubmittedAt))))
            .Set("footer", $"更新于 {Time(time.GetUtcNow())}；各单位提交的详细内容见本帖回复。"));

    public AdaptiveCard Update(long outboxId, RelayUpdatePayload payload, RelayReviewLog reviews)
    {
        var report = payload.Report;
        var data = new JsonObject { ["outbox"] = outboxId.ToString(CultureInfo.InvariantCulture), ["lang"] = "zh-CN" };
        return Card("relay-update", new CardValues()
            .Set("heading", $"{report.UnitId} · 第 {report.Measure} 项措施 · {report.Period}")
            .Set("correction", payload.IsCorrection ? Notice(CorrectionNotice(payload), "Warning") : null)
            .Set("facts", UpdateFacts(payload))
            .Set("sections", Sections(report))
            .Set("reviews", Reviews(reviews))
            .Set("ackData", data)
            .Set("moreData", data.DeepClone())
            .Set("evidenceAction", EvidenceLink(report)));
    }

    public AdaptiveCard MajorIssue(RelayUpdatePayload payload, IReadOnlyList<(string AadObjectId, string Name)> leads)
    {
        var report = payload.Report;
        var mentions = leads.Select(l => (JsonNode)new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{l.Name}</at>",
            ["mentioned"] = new JsonObject { ["id"] = l.AadObjectId, ["name"] = l.Name },
        });
        var withdrawn = payload.MajorIssueWithdrawn && !report.MajorIssue;
        var heading = withdrawn
            ? $"重大问题已撤销 · 第 {report.Measure} 项措施 · {report.UnitId}"
            : $"⚠ 重大问题{(payload.IsCorrection ? "（更正）" : "")} · 第 {report.Measure} 项措施 · {report.UnitId}";
        var explanation = withdrawn ? "该单位更正了此前的进展汇报，不再报告重大问题。"
            : payload.IsCorrection ? "本条更正了该单位此前报告的重大问题，以本条为准。" : "";
        var attention = leads.Count == 0 ? "" : $"请 {string.Join(" ", leads.Select(l => $"<at>{l.Name}</at>"))} {(withdrawn ? "知悉" : "关注")}。";
        return Card("relay-major", new CardValues()
            .Set("mentions", mentions)
            .Set("style", withdrawn ? "good" : "attention")
            .Set("color", withdrawn ? "Good" : "Attention")
            .Set("heading", heading)
            .Set("leadsLine", explanation.Length + attention.Length == 0 ? null : Text(explanation + attention))
            .Set("description", withdrawn
                ? "存在问题：" + (Shortened(NonEmpty(report.Problems)) ?? "无")
                : Shortened(NonEmpty(report.MajorIssueDescription) ?? NonEmpty(report.Problems)) ?? "（未填写说明）")
            .Set("facts", UpdateFacts(payload))
            .Set("actions", EvidenceLink(report) is { } link ? [link] : Array.Empty<JsonNode>()));
    }

    public static string Time(DateTimeOffset at) => at.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Percent(int? percent) => percent is { } p ? $"{p}%" : "未填";

    private string ShortText(int measure)
    {
        if (registry.Find(measure) is not { } found)
        {
            return "（该措施编号不在方案中）";
        }
        var text = found.Text.ReplaceLineEndings(" ");
        return TextCut.Cut(text, MeasureTextLength, "…");
    }

    private static string CorrectionNotice(RelayUpdatePayload payload) =>
        "更正：本条更正了该单位此前提交的进展，以本条为准。"
        + (payload.MajorIssueWithdrawn && !payload.Report.MajorIssue ? "此前报告的重大问题已撤销。" : "");

    private static string StatusLine(ProgressReport report, DateTimeOffset at) =>
        $"{report.Status} · {Percent(report.PercentComplete)}{(report.MajorIssue ? " · ⚠ 重大问题" : "")} · {Time(at)}";

    private static IEnumerable<JsonNode> UpdateFacts(RelayUpdatePayload payload)
    {
        var report = payload.Report;
        yield return Fact("单位", report.UnitId);
        yield return Fact("报告期", report.Period);
        yield return Fact("状态", report.Status);
        yield return Fact("完成进度", Percent(report.PercentComplete));
        yield return Fact("提交人", MarkdownText.Literal(payload.SubmittedBy.Name ?? payload.SubmittedBy.AadObjectId));
        yield return Fact("提交时间", Time(payload.SubmittedAt));
        if (NonEmpty(report.EvidenceUrl) is { } url)
        {
            yield return Fact("佐证材料", MarkdownText.Literal(EvidenceLink(report) is null ? url : TextCut.Cut(url, LinkShownLength, "…")));
        }
    }

    private static IEnumerable<JsonNode> Sections(ProgressReport report)
    {
        yield return Section("工作进展", Shortened(NonEmpty(report.Progress)) ?? "（未填写）");
        yield return Section("存在问题", Shortened(NonEmpty(report.Problems)) ?? "无");
        yield return Section("下步计划", Shortened(NonEmpty(report.NextSteps)) ?? "（未填写）");
        if (report.MajorIssue)
        {
            yield return Section("⚠ 重大问题", Shortened(NonEmpty(report.MajorIssueDescription)) ?? "（未填写说明）");
        }
    }

    private static IEnumerable<JsonNode> Reviews(RelayReviewLog log)
    {
        var earlier = log.Reviews.Count - ReviewsShown;
        if (earlier > 0)
        {
            yield return Text($"（另有 {earlier} 条较早的审阅记录）");
        }
        foreach (var review in log.Reviews.Skip(Math.Max(earlier, 0)))
        {
            yield return Text(ReviewLine(review));
        }
    }

    private static string ReviewLine(RelayReview review) => review.Kind == RelayReview.MoreRequested
        ? $"🔁 {MarkdownText.Literal(review.Name)} 于 {Time(review.At)} 请求补充：{MarkdownText.Literal(TextCut.Cut(review.Comment ?? "", CommentLength, "…"))}"
        : $"✅ {MarkdownText.Literal(review.Name)} 已阅（{Time(review.At)}）";

    private static JsonNode? EvidenceLink(ProgressReport report) =>
        NonEmpty(report.EvidenceUrl) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            && uri.AbsoluteUri.Length <= MaxLinkLength
            ? Fragment("relay-link", new CardValues().Set("title", "查看佐证材料").Set("url", uri.AbsoluteUri))
            : null;

    /// <summary>What a unit wrote, shortened and escaped so it shows as typed (escaping may double its length).</summary>
    private static string? Shortened(string? text) =>
        text is null ? null : MarkdownText.Literal(TextCut.Cut(text, SectionLength, $"…（全文 {text.Length} 字，见督办台账）"));

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonNode Section(string title, string text) => Fragment("relay-section", new CardValues().Set("title", title).Set("text", text));

    private static JsonNode Text(string text) => Fragment("relay-text", new CardValues().Set("text", text));

    private static JsonNode Notice(string text, string color) => Fragment("relay-notice", new CardValues().Set("text", text).Set("color", color));

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static JsonObject Fragment(string template, CardValues values) => CardTemplate.Get(template).FillObject(values);

    private static AdaptiveCard Card(string template, CardValues values) => new(CardTemplate.Get(template).FillObject(values));
}
