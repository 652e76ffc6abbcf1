using GiBot.Conversation;
using GiBot.Localization;
using GiBot.Protocol.Turns;

namespace GiBot.Overview;

/// <summary>The overview card's buttons: filter, one measure, 本期未报送, export and dashboard. Each answers with a new message.</summary>
public sealed class OverviewCardActions(OverviewReplies replies) : ICardActionFeature
{
    public bool Handles(string verb) => verb.StartsWith(OverviewVerbs.Prefix, StringComparison.Ordinal);

    public async ValueTask<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        if (action.Get("lang") is { } tag)
        {
            turn.Language = LanguageExtensions.ParseTag(tag);
        }
        if (PersonalChatOnly.Refusal(turn, ("总览", "overview")) is { } refusal)
        {
            return CardActionResult.Say(refusal);
        }
        var message = action.Verb switch
        {
            OverviewVerbs.Show => await replies.ShowAsync(turn, action.Get("filter"), cancellationToken),
            OverviewVerbs.Missing => await replies.MissingAsync(turn, cancellationToken),
            OverviewVerbs.Export => await replies.ExportAsync(turn, !string.Equals(action.Get("format"), "csv", StringComparison.OrdinalIgnoreCase), cancellationToken),
            OverviewVerbs.Dashboard => await replies.DashboardAsync(turn, cancellationToken),
            _ => new OutgoingMessage(turn.Language.Pick("这个按钮已失效，请重新发送「总览」。", "This button no longer works; send \"overview\" again.")),
        };
        return CardActionResult.Say(message);
    }
}
