using GiBot.Localization;
using GiBot.Protocol.Turns;
using GiBot.Roster;
using Microsoft.Extensions.Options;

namespace GiBot.Relay;

/// <summary>The roster as the relay needs it: who may change relay settings, who may review relayed updates, who the admins are.</summary>
public sealed class RosterAccess(IRosterDirectory directory, IOptionsMonitor<RelayOptions> options)
{
    /// <summary>
    /// Why this press of 已阅 or 需补充 is refused, or null when it is taken. Those buttons speak to the submitter for
    /// 知识产权保护科, so the press must come from a channel (where the relay posts, never a personal chat) and from the
    /// section's staff, an admin or a configured lead. A roster that knows neither the section's staff nor an admin (a
    /// fresh deployment) leaves it to the channel's membership.
    /// </summary>
    public async Task<string?> ReviewRefusalAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (turn.ConversationType != "channel")
        {
            return language.Pick("请在知识产权保护科频道中对转发的进展点“已阅”或“需补充”。",
                "Please use 已阅 or 需补充 on the relayed update in the IP Protection Section's channel.");
        }
        if (turn.UserAadObjectId is { Length: > 0 } id
            && (options.CurrentValue.Leads.Contains(id, StringComparer.OrdinalIgnoreCase)
                || await directory.FindAsync(id, cancellationToken) is { } person && (person.IsAdmin || person.UnitIds.Contains(RosterDirectory.PlanOffice))))
        {
            return null;
        }
        if ((await directory.MembersOfUnitAsync(RosterDirectory.PlanOffice, null, cancellationToken)).Count == 0
            && (await directory.AdminsAsync(cancellationToken)).Count == 0)
        {
            return null;
        }
        return language.Pick("只有知识产权保护科的同事或管理员可以对转发的进展点“已阅”或“需补充”。如需加入，请联系管理员。",
            "Only staff of the IP Protection Section (知识产权保护科) or an admin can mark relayed updates as read or ask for more. Ask an admin to add you.");
    }

    public async Task<AccessDecision> CanAdministerAsync(string? aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(aadObjectId))
        {
            return AccessDecision.Refuse("无法识别您的身份，请在 Teams 中重新发送。", "I could not tell who you are; please send it again from Teams.");
        }
        return await directory.CanAdministerAsync(aadObjectId, cancellationToken);
    }

    public Task<IReadOnlyList<RosterPerson>> AdminsAsync(CancellationToken cancellationToken) => directory.AdminsAsync(cancellationToken);

    public async Task<string?> NameOfAsync(string aadObjectId, CancellationToken cancellationToken) =>
        (await directory.FindAsync(aadObjectId, cancellationToken))?.Name;

    public static string Reason(AccessDecision decision, Language language) =>
        decision.Reason(language) ?? language.Pick("只有管理员可以更改转发设置。", "Only admins may change relay settings.");
}
