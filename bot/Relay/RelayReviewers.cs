using GiBot.Localization;
using GiBot.Protocol.Turns;
using GiBot.Roster;
using Microsoft.Extensions.Options;

namespace GiBot.Relay;

/// <summary>
/// Who may press 已阅 and 需补充 on a relayed update: they speak to the submitter for 知识产权保护科, so the press must
/// come from a channel (where the relay posts, never a personal chat) and from the section's staff, an admin or a
/// configured lead. A roster that knows neither the section's staff nor an admin (a fresh deployment) leaves it to the
/// channel's membership.
/// </summary>
public sealed class RelayReviewers(IRosterDirectory roster, IOptionsMonitor<RelayOptions> options)
{
    public async Task<string?> RefusalAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (turn.ConversationType != "channel")
        {
            return language.Pick("请在知识产权保护科频道中对转发的进展点“已阅”或“需补充”。",
                "Please use 已阅 or 需补充 on the relayed update in the IP Protection Section's channel.");
        }
        var id = turn.UserAadObjectId;
        if (!string.IsNullOrEmpty(id))
        {
            if (options.CurrentValue.Leads.Contains(id, StringComparer.OrdinalIgnoreCase)
                || await roster.FindAsync(id, cancellationToken) is { } person && (person.IsAdmin || person.UnitIds.Contains(RosterDirectory.PlanOffice)))
            {
                return null;
            }
        }
        var staff = await roster.MembersOfUnitAsync(RosterDirectory.PlanOffice, null, cancellationToken);
        var admins = await roster.AdminsAsync(cancellationToken);
        if (staff.Count == 0 && admins.Count == 0)
        {
            return null;
        }
        return language.Pick("只有知识产权保护科的同事或管理员可以对转发的进展点“已阅”或“需补充”。如需加入，请联系管理员。",
            "Only staff of the IP Protection Section (知识产权保护科) or an admin can mark relayed updates as read or ask for more. Ask an admin to add you.");
    }
}
