using GiBot.Localization;
using GiBot.Protocol.Turns;

namespace GiBot.Roster.Teams;

/// <summary>The roster's card buttons: the join picker, approve/reject on request cards, and the admins' form.</summary>
public sealed class RosterCardActions(JoinRequests joins, RosterAdmin admin, MyMeasures myMeasures) : ICardActionFeature
{
    public bool Handles(string verb) => verb.StartsWith(RosterVerbs.Prefix, StringComparison.Ordinal);

    public async ValueTask<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        switch (action.Verb)
        {
            case RosterVerbs.Join:
                if (Missing(action, language, "unit") is { } noUnit)
                {
                    return noUnit;
                }
                return CardActionResult.Say(await joins.RequestAsync(turn, action.Get("unit")!,
                    RosterRoles.Parse(action.Get("role")) ?? RosterRole.Member, cancellationToken));
            case RosterVerbs.Approve or RosterVerbs.Reject:
                if (Missing(action, language, "request") is { } noRequest)
                {
                    return noRequest;
                }
                return await joins.DecideAsync(turn, action.Get("request")!, action.Verb == RosterVerbs.Approve, cancellationToken);
            case RosterVerbs.Add:
                if (Missing(action, language, "who", "unit") is { } noTarget)
                {
                    return noTarget;
                }
                return CardActionResult.Say(await admin.AddAsync(turn, action.Get("who")!, action.Get("unit")!, action.Get("role"), cancellationToken));
            case RosterVerbs.Remove:
                if (Missing(action, language, "who") is { } noWho)
                {
                    return noWho;
                }
                return CardActionResult.Say(await admin.RemoveAsync(turn, action.Get("who")!, Blank(action.Get("unit")), cancellationToken));
            case RosterVerbs.List:
                return CardActionResult.Say(await admin.ListAsync(turn, null, cancellationToken));
            case RosterVerbs.MyMeasures:
                return CardActionResult.Say(await myMeasures.AnswerAsync(turn, Blank(action.Get("unit")), cancellationToken));
            default:
                return CardActionResult.Say(new OutgoingMessage(language.Pick(
                    "抱歉，这个按钮已失效。请发送“成员列表”或“加入单位”重新开始。",
                    "Sorry, this button is no longer valid. Send \"roster\" or \"join\" to start again.")));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static CardActionResult? Missing(CardAction action, Language language, params string[] keys) =>
        keys.Any(k => string.IsNullOrWhiteSpace(action.Get(k)))
            ? CardActionResult.Say(new OutgoingMessage(language.Pick(
                "请先填写卡片上的必填项（单位、人员）再提交。", "Please fill in the card's required fields (unit, person) and send again.")))
            : null;
}
