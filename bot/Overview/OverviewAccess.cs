using GiBot.Localization;
using GiBot.Roster;

namespace GiBot.Overview;

/// <summary>
/// Who may see the overview, the ledger and the dashboard: heads and admins (they see every unit's updates,
/// see <see cref="IRosterDirectory.CanSeeUnitAsync"/>). Everyone else is told why and pointed to "我的措施",
/// which shows their own units' measures and latest status.
/// </summary>
public sealed class OverviewAccess(IRosterDirectory directory)
{
    public async Task<AccessDecision> CheckAsync(string? aadObjectId, CancellationToken cancellationToken)
    {
        var person = string.IsNullOrEmpty(aadObjectId) ? null : await directory.FindAsync(aadObjectId, cancellationToken);
        return person is { IsHeadOrAdmin: true } ? AccessDecision.Allow : Refusal;
    }

    public static AccessDecision Refusal { get; } = AccessDecision.Refuse(
        "抱歉，总览、督办台账和进度看板仅向各单位负责人和管理员开放，因为其中包含所有单位的报送情况。您可以发送「我的措施」查看本单位负责措施的最新进展；如需开通，请联系知识产权保护科的管理员。",
        "Sorry, the overview, the ledger export and the dashboard are open to unit heads and administrators only, as they show every unit's reports. Send \"my measures\" to see your own units' measures and their latest status; to get access, ask the administrators at the IP Protection Section.");

    public static string RefusalText(Language language) => Refusal.Reason(language)!;
}
