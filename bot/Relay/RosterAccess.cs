using GiBot.Localization;
using GiBot.Roster;

namespace GiBot.Relay;

/// <summary>
/// The roster as the relay needs it. The directory is implemented by the roster feature; when no
/// implementation is registered nobody counts as an admin, so relay settings stay as configured.
/// </summary>
public sealed class RosterAccess(IServiceProvider services)
{
    private IRosterDirectory? Directory => services.GetService<IRosterDirectory>();

    public async Task<AccessDecision> CanAdministerAsync(string? aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(aadObjectId))
        {
            return AccessDecision.Refuse("无法识别您的身份，请在 Teams 中重新发送。", "I could not tell who you are; please send it again from Teams.");
        }
        if (Directory is not { } directory)
        {
            return AccessDecision.Refuse("花名册尚未配置，暂时无人能更改转发设置。请联系系统管理员。",
                "The roster is not set up yet, so nobody can change relay settings. Please contact the system administrator.");
        }
        return await directory.CanAdministerAsync(aadObjectId, cancellationToken);
    }

    public async Task<IReadOnlyList<RosterPerson>> AdminsAsync(CancellationToken cancellationToken) =>
        Directory is { } directory ? await directory.AdminsAsync(cancellationToken) : [];

    public async Task<string?> NameOfAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Directory is { } directory ? (await directory.FindAsync(aadObjectId, cancellationToken))?.Name : null;

    public static string Reason(AccessDecision decision, Language language) =>
        decision.Reason(language) ?? language.Pick("只有管理员可以更改转发设置。", "Only admins may change relay settings.");
}
