using GiBot.Localization;
using GiBot.Roster;

namespace GiBot.Relay;

/// <summary>The roster as the relay needs it: who may change relay settings, who the admins are.</summary>
public sealed class RosterAccess(IRosterDirectory directory)
{
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
