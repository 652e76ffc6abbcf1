using System.Collections.Frozen;
using GiBot.Localization;
using GiBot.Protocol.Turns;
using GiBot.Storage;

namespace GiBot.Relay;

/// <summary>
/// "在此频道接收进展" / "relay here", sent in a channel by an admin: updates are relayed to that channel
/// from now on. Everyone else is told why not and whom to ask.
/// </summary>
public sealed class RelayHereFeature(RelayTargetResolver targets, RosterAccess roster, IRelayOutbox outbox, AdminAlerts alerts, TimeProvider time) : IMessageFeature
{
    // A frozen set compares lengths first, so a long message is turned away without hashing all of it.
    private static readonly FrozenSet<string> Commands = new[] { "在此频道接收进展", "在本频道接收进展", "relay here" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public int Order => 30;

    public async ValueTask<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = turn.Text.Trim().TrimEnd('。', '.', '!', '！');
        if (!Commands.Contains(text))
        {
            return false;
        }
        var language = turn.Language;
        if (turn.ConversationType != ConversationReference.Channel)
        {
            await turn.SendAsync(new OutgoingMessage(language.Pick(
                "请在要接收进展的团队频道中 @GiBot 并发送“在此频道接收进展”，不要在私聊或群聊中发送。",
                "Please send \"relay here\" (mentioning GiBot) in the team channel that should receive the updates, not in a chat.")), cancellationToken);
            return true;
        }
        var decision = await roster.CanAdministerAsync(turn.UserAadObjectId, cancellationToken);
        if (!decision.Allowed)
        {
            await turn.SendAsync(new OutgoingMessage(language.Pick(
                $"抱歉，未能更改接收频道：{RosterAccess.Reason(decision, language)}",
                $"Sorry, the relay channel was not changed: {RosterAccess.Reason(decision, language)}")), cancellationToken);
            return true;
        }
        var channelId = turn.ChannelId ?? ConversationReferenceObserver.ChannelConversationId(turn.ConversationId);
        if (turn.TenantId is not { } tenantId || turn.Activity.Recipient?.Id is not { } botId)
        {
            await turn.SendAsync(new OutgoingMessage(language.Pick(
                "抱歉，这条消息缺少团队信息，无法设置接收频道。请稍后在频道中重新发送。",
                "Sorry, this message lacks the team details needed to set the relay channel. Please send it again in the channel shortly.")), cancellationToken);
            return true;
        }
        await targets.SaveAsync(new RelayTarget(turn.TeamId, channelId, turn.ServiceUrl, tenantId, botId)
        {
            SetBy = turn.UserName ?? turn.UserAadObjectId,
            SetAt = time.GetUtcNow(),
        }, cancellationToken);
        // Posts given up on (bot removed, channel deleted) waited for exactly this fix: send them now.
        var requeued = await alerts.RequeueGivenUpAsync(outbox, cancellationToken);
        await turn.SendAsync(new OutgoingMessage(language.Pick(
            "好的，从现在起各单位提交的进展将转发到本频道：每项措施每个报告期一个帖子，重大问题单独发帖提醒。尚未转发的进展会陆续发出。"
                + (requeued > 0 ? $"此前未能送达的 {requeued} 条进展也将重新转发到本频道。" : ""),
            "Done: submitted updates will be relayed to this channel from now on, one thread per measure and reporting period, with 重大问题 posted separately. Updates still waiting will follow shortly."
                + (requeued > 0 ? $" The {requeued} earlier update(s) that could not be delivered will be relayed here too." : ""))), cancellationToken);
        return true;
    }
}
