using GiBot.Conversation;
using GiBot.Localization;
using GiBot.Protocol.Turns;
using GiBot.Reminders.Nudges;
using GiBot.Roster;

namespace GiBot.Reminders.Teams;

/// <summary>
/// Admin commands "提醒计划", "提醒 8", "提醒周期 8 季度 25日" (and English). Order 45 puts them before
/// updates (50) and measures (100), which would read "提醒 8" as a question about measure 8.
/// </summary>
public sealed class ReminderFeature(ReminderAdmin admin, ManualNudge nudges, IRosterDirectory roster) : IMessageFeature
{
    public int Order => 45;

    public async ValueTask<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (ReminderCommand.Parse(turn.Text) is not { } command)
        {
            return false;
        }
        if (command is ShowPlan && PersonalChatOnly.Refusal(turn) is { } refusal)
        {
            await turn.SendAsync(refusal, cancellationToken);
            return true;
        }
        var language = turn.Language;
        var decision = string.IsNullOrEmpty(turn.UserAadObjectId)
            ? AccessDecision.Refuse("无法识别您的 Teams 身份，请在 Teams 中重新发送。", "I could not tell who you are in Teams; please send it again from Teams.")
            : await roster.CanAdministerAsync(turn.UserAadObjectId, cancellationToken);
        string reply;
        if (!decision.Allowed)
        {
            // The reason already says who may see and change the reminder plans, and whom to ask.
            reply = language.Pick("抱歉，", "Sorry. ") + (decision.Reason(language) ?? language.Pick("只有管理员可以查看和更改提醒计划。", "Only administrators can see and change reminders."));
        }
        else
        {
            reply = command switch
            {
                ShowPlan => await admin.PlanAsync(language, cancellationToken),
                Nudge nudge => await nudges.NudgeAsync(nudge.Measure, turn.UserAadObjectId!, language, cancellationToken),
                SetCycle set => await admin.SetCycleAsync(set, language, cancellationToken),
                ShowCycle show => admin.DescribeCycle(show.Measure, language),
                _ => "",
            };
        }
        await turn.SendAsync(new OutgoingMessage(reply), cancellationToken);
        return true;
    }
}
