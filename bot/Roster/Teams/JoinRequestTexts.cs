using System.Globalization;
using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;
using GiBot.Roster.Units;

namespace GiBot.Roster.Teams;

/// <summary>What the requester and the deciding admin are told about a join request, zh-CN first.</summary>
public static class JoinRequestTexts
{
    public static OutgoingMessage AlreadyAsked(JoinRequest pending, Unit unit, RosterRole role, IReadOnlyList<RosterPerson> admins, Language language)
    {
        var names = pending.AdminCards
            .Select(c => admins.FirstOrDefault(a => string.Equals(a.AadObjectId, c.AdminAadObjectId, StringComparison.OrdinalIgnoreCase)))
            .OfType<RosterPerson>().Select(RosterDirectory.DisplayName).Distinct().Select(MarkdownText.Literal).ToArray();
        var at = pending.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new OutgoingMessage(language.Pick(
            $"您已申请成为{unit.Name}的{RosterRoles.Display(role, language)}（{at}），正在等待管理员（{string.Join("、", names)}）审批，无需重复发送。审批后我会通知您。",
            $"You already asked to become {RosterRoles.EnglishWithArticle(role)} of {UnitNames.TheEnglish(unit)} ({at}); it is waiting for an administrator ({string.Join(", ", names)}). No need to send it again: I will tell you the outcome."));
    }

    /// <summary>The opening of the reply to a request that replaced a pending one for another role.</summary>
    public static string Replaced(JoinRequest earlier, Unit unit, Language language)
    {
        var role = RosterRoles.Parse(earlier.Role) ?? RosterRole.Member;
        return language.Pick(
            $"您此前成为{unit.Name}{RosterRoles.Display(role, language)}的申请已由本次申请取代。",
            $"Your earlier request to become {RosterRoles.EnglishWithArticle(role)} of {UnitNames.TheEnglish(unit)} is replaced by this one. ");
    }

    /// <summary>What the requester is told once an admin decided, in the language they asked in.</summary>
    /// <param name="before">The role the requester held in the unit when the admin decided, if any.</param>
    public static string Outcome(JoinRequest request, RosterRole role, RosterRole? before, Unit? unit)
    {
        var language = LanguageExtensions.ParseTag(request.Language);
        var roleText = RosterRoles.Display(role, language);
        var become = $"become {RosterRoles.EnglishWithArticle(role)} of {TheUnitEn(request.UnitId, unit)}";
        var myMeasures = language.Pick("发送“我的措施”查看本单位负责的措施。", " Send \"my measures\" to see your unit's measures.");
        return request.Status switch
        {
            JoinRequest.AlreadyMember => language.Pick(
                $"您已是{request.UnitId}的{roleText}，这条申请无需审批。",
                $"You are already {RosterRoles.EnglishWithArticle(role)} of {TheUnitEn(request.UnitId, unit)}, so your request needed no approval.") + myMeasures,
            JoinRequest.Approved when before is { } old => language.Pick(
                $"您成为{request.UnitId}{roleText}的申请已获批准，您在该单位的角色已由{RosterRoles.Display(old, language)}改为{roleText}。",
                $"Your request to {become} was approved: your role there changed from {RosterRoles.Display(old, language)} to {roleText}.") + myMeasures,
            JoinRequest.Approved => language.Pick(
                $"您加入{request.UnitId}的申请已获批准，您现在是该单位的{roleText}。",
                $"Your request to join {TheUnitEn(request.UnitId, unit)} was approved: you are now its {roleText}.") + myMeasures,
            _ => language.Pick(
                $"很抱歉，您成为{request.UnitId}{roleText}的申请未获批准（处理人：{MarkdownText.Literal(request.DecidedBy ?? "")}）。",
                $"Sorry, your request to {become} was not approved (decided by {MarkdownText.Literal(request.DecidedBy ?? "")}).")
                + (before is { } kept ? language.Pick($"您仍是该单位的{RosterRoles.Display(kept, language)}。", $" You remain its {RosterRoles.Display(kept, language)}.") : "")
                + language.Pick("如有疑问请直接联系该管理员。", " Please contact that administrator if you have questions."),
        };
    }

    /// <summary>The deciding admin's line.</summary>
    public static string Decided(JoinRequest request, RosterRole role, RosterRole? before, Unit? unit, Language language)
    {
        var requester = MarkdownText.Literal(request.RequesterName ?? request.RequesterAadObjectId);
        var roleText = RosterRoles.Display(role, language);
        var unitEn = TheUnitEn(request.UnitId, unit);
        return request.Status switch
        {
            JoinRequest.AlreadyMember => language.Pick(
                $"{requester} 已是{request.UnitId}的{roleText}，这条申请无需审批，已告知本人。",
                $"{requester} is already {RosterRoles.EnglishWithArticle(role)} of {unitEn}; nothing needed approving, and they have been told."),
            JoinRequest.Approved when before is { } old => language.Pick(
                $"已批准：{requester} 在{request.UnitId}的角色由{RosterRoles.Display(old, language)}改为{roleText}，并已通知本人。",
                $"Approved: {requester}'s role in {unitEn} changed from {RosterRoles.Display(old, language)} to {roleText}; they have been told."),
            JoinRequest.Approved => language.Pick(
                $"已批准：{requester} 现为{request.UnitId}的{roleText}，并已通知本人。",
                $"Approved: {requester} is now {RosterRoles.EnglishWithArticle(role)} of {unitEn}; they have been told."),
            _ => language.Pick(
                $"已拒绝 {requester} 成为{request.UnitId}{roleText}的申请，并已通知本人。",
                $"Rejected {requester}'s request to become {RosterRoles.EnglishWithArticle(role)} of {unitEn}; they have been told."),
        };
    }

    public static string TheUnitEn(string unitId, Unit? unit) => unit is null ? unitId : UnitNames.TheEnglish(unit);
}
