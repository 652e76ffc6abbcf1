using System.Globalization;
using GiBot.Localization;
using GiBot.Protocol.Turns;
using GiBot.Storage;

namespace GiBot.Relay;

/// <summary>
/// The buttons on a relayed update in the channel: 已阅 (acknowledge) and 需补充 (ask the unit for
/// more, with a comment). The submitter hears about it in their 1:1 chat; the card is replaced in
/// place with the list of who acknowledged or asked, and when.
/// </summary>
public sealed class RelayCardActions(
    IRelayOutbox outbox,
    RelayReviews reviews,
    RelayCards cards,
    PersonalNotifier notifier,
    RosterAccess access,
    TimeProvider time) : ICardActionFeature
{
    public const string Acknowledge = "relay.ack";
    public const string RequestMore = "relay.more";

    public bool Handles(string verb) => verb is Acknowledge or RequestMore;

    public async ValueTask<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (!long.TryParse(action.Get("outbox"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await outbox.GetAsync(id, cancellationToken) is not { } message)
        {
            return CardActionResult.Say(new OutgoingMessage(language.Pick(
                "抱歉，找不到这条进展，可能已被清理。请在 GiBot 中查询该单位的最新进展。",
                "Sorry, I cannot find this update any more. Please look up the unit's latest update in GiBot.")));
        }
        if (await access.ReviewRefusalAsync(turn, cancellationToken) is { } refusal)
        {
            return CardActionResult.Say(new OutgoingMessage(refusal));
        }
        var payload = RelayOutboxMessages.Read(message);
        var comment = action.Get("comment")?.Trim();
        if (action.Verb == RequestMore && string.IsNullOrEmpty(comment))
        {
            return CardActionResult.Say(new OutgoingMessage(language.Pick(
                "请先在“需补充”中填写需要该单位补充的内容，再点“发送给提交人”。",
                "Please write what the unit should add under 需补充 first, then press the send button.")));
        }
        var reviewer = turn.UserName ?? language.Pick("科室同事", "A colleague");
        var review = action.Verb == RequestMore
            ? new RelayReview(RelayReview.MoreRequested, turn.UserAadObjectId, reviewer, time.GetUtcNow(), comment)
            : new RelayReview(RelayReview.Acknowledged, turn.UserAadObjectId, reviewer, time.GetUtcNow());
        var before = await reviews.GetAsync(id, cancellationToken);
        var log = await reviews.AddAsync(id, review, cancellationToken);
        var card = cards.Update(id, payload, log);
        if (log.Reviews.Count == before.Reviews.Count)
        {
            // A second 已阅 by the same person: the card is refreshed, the submitter not told twice.
            return CardActionResult.Replace(card);
        }
        var told = await notifier.TellAsync(payload.SubmittedBy.AadObjectId, ToSubmitter(payload, review), cancellationToken);
        return told
            ? CardActionResult.Replace(card)
            : CardActionResult.Replace(card, new OutgoingMessage(language.Pick(
                $"已记录。但 {Literal(payload.SubmittedBy.Name) ?? "提交人"} 尚未与 GiBot 建立私聊，无法自动通知，请另行联系该单位。",
                $"Recorded. {Literal(payload.SubmittedBy.Name) ?? "The submitter"} has no chat with GiBot yet, so they could not be told; please contact the unit directly.")));
    }

    private static OutgoingMessage ToSubmitter(RelayUpdatePayload payload, RelayReview review)
    {
        var language = LanguageExtensions.ParseTag(payload.Language);
        var report = payload.Report;
        var at = RelayCards.Time(review.At);
        var name = MarkdownText.Literal(review.Name);
        var quote = Quoted(review.Comment ?? "");
        return new OutgoingMessage(review.Kind == RelayReview.MoreRequested
            ? language.Pick(
                $"知识产权保护科 {name} 请您补充第 {report.Measure} 项措施（{report.Period}，{report.UnitId}）的进展（{at}）：\n\n{quote}\n\n请更正该进展后重新提交。",
                $"{name} of the IP Protection Section asks you to add to your update on measure {report.Measure} ({report.Period}, {report.UnitId}) at {at}:\n\n{quote}\n\nPlease correct the update and submit it again.")
            : language.Pick(
                $"知识产权保护科 {name} 已阅您提交的第 {report.Measure} 项措施（{report.Period}，{report.UnitId}）进展（{at}）。",
                $"{name} of the IP Protection Section has read your update on measure {report.Measure} ({report.Period}, {report.UnitId}) at {at}."));
    }

    private static string? Literal(string? text) => text is null ? null : MarkdownText.Literal(text);

    /// <summary>The comment as a Markdown quote that shows it as typed, every line of it inside the quote.</summary>
    private static string Quoted(string comment) =>
        string.Join("\n", MarkdownText.Literal(comment.Trim()).ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line));
}
