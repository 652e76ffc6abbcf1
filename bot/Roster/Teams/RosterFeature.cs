using GiBot.Conversation;
using GiBot.Localization;
using GiBot.Protocol.Turns;

namespace GiBot.Roster.Teams;

/// <summary>
/// The roster's text commands (Order 40, before the measures' Q&amp;A): joining a unit, the admins'
/// commands and "我的措施".
/// </summary>
public sealed class RosterFeature(JoinRequests joins, RosterAdmin admin, MyMeasures myMeasures, RosterCards cards) : IMessageFeature
{
    public int Order => 40;

    public async ValueTask<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (RosterCommandParser.Parse(turn.Text) is not { } command)
        {
            return false;
        }
        if (command is ShowMyMeasures or ListRoster && PersonalChatOnly.Refusal(turn) is { } refusal)
        {
            await turn.SendAsync(refusal, cancellationToken);
            return true;
        }
        var language = turn.Language;
        var reply = command switch
        {
            ShowMyMeasures mine => await myMeasures.AnswerAsync(turn, mine.UnitText, cancellationToken),
            ShowJoinPicker => new OutgoingMessage(language.Pick(
                "请选择您的单位和角色后提交，申请将发送给管理员审批。也可以直接发送“我是××的联络员”（××为单位名称）。",
                "Choose your unit and role and send; the request goes to the administrators. You can also send \"I am the liaison of [unit]\"."),
                cards.JoinPicker(language)),
            RequestJoin join => await joins.RequestAsync(turn, join.UnitText, join.Role, cancellationToken),
            ListRoster list => await admin.ListAsync(turn, list.UnitText, cancellationToken),
            AddPerson add => await admin.AddAsync(turn, add.Who, add.UnitText, add.RoleText, cancellationToken),
            RemovePerson remove => await admin.RemoveAsync(turn, remove.Who, remove.UnitText, cancellationToken),
            ChangeRole change => await admin.ChangeRoleAsync(turn, change.Who, change.UnitText, change.Role, cancellationToken),
            _ => null,
        };
        if (reply is null)
        {
            return false;
        }
        await turn.SendAsync(reply, cancellationToken);
        return true;
    }
}
