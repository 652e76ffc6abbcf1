using System.Collections.Frozen;
using GiBot.Localization;
using GiBot.Protocol.Turns;
using GiBot.Storage;

namespace GiBot.Relay;

/// <summary>
/// "重新转发" / "relay retry", from an admin: posts the relay gave up on (and told admins about) are sent
/// again, once the cause was fixed without changing the channel (e.g. GiBot added back to the team).
/// </summary>
public sealed class RelayRetryFeature(RosterAccess roster, IRelayOutbox outbox, AdminAlerts alerts) : IMessageFeature
{
    // A frozen set compares lengths first, so a long message is turned away without hashing all of it.
    private static readonly FrozenSet<string> Commands = new[] { "重新转发", "重新转发进展", "relay retry" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public int Order => 31;

    public async ValueTask<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = turn.Text.Trim().TrimEnd('。', '.', '!', '！');
        if (!Commands.Contains(text))
        {
            return false;
        }
        var language = turn.Language;
        var decision = await roster.CanAdministerAsync(turn.UserAadObjectId, cancellationToken);
        if (!decision.Allowed)
        {
            await turn.SendAsync(new OutgoingMessage(language.Pick(
                $"抱歉，未能重新转发：{RosterAccess.Reason(decision, language)}",
                $"Sorry, nothing was relayed again: {RosterAccess.Reason(decision, language)}")), cancellationToken);
            return true;
        }
        var requeued = await alerts.RequeueGivenUpAsync(outbox, cancellationToken);
        await turn.SendAsync(new OutgoingMessage(requeued == 0
            ? language.Pick("没有未能送达的进展，无需重新转发。", "There is nothing the relay gave up on; nothing to send again.")
            : language.Pick(
                $"好的，{requeued} 条此前未能送达的进展将重新转发到知识产权保护科频道。如仍失败，我会再次告诉您原因。",
                $"Done: {requeued} update(s) that could not be delivered will be relayed to the IP Protection Section channel again. If it fails again, I will tell you why.")), cancellationToken);
        return true;
    }
}
