using System.Net;
using GiBot.Localization;
using GiBot.Reminders.Sending;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Reminders.Nudges;

/// <summary>
/// A nudge Teams refused for one person with no hope in a retry (403, 404, 400, 413, 401, …): the plans it held (each
/// carrying its requester) and why, in words an admin can act on.
/// </summary>
public sealed record NudgeRefusal(RosterPerson Person, IReadOnlyList<ReminderPlan> Plans, HttpStatusCode Status, string? ErrorCode)
{
    /// <summary>Raised by the bot itself when the person's Teams service address is not trusted (a configuration matter).</summary>
    private const string UntrustedServiceUrl = RefusedChat.UntrustedServiceUrl;

    /// <summary>True when the person can fix it themselves, by installing or opening GiBot again.</summary>
    public bool PersonCanFix => RefusedChat.IsGone(Status, ErrorCode);

    public string Reason(Language language) => (Status, ErrorCode) switch
    {
        (HttpStatusCode.Forbidden, UntrustedServiceUrl) => language.Pick(
            "机器人的配置不允许向对方所在的 Teams 服务地址发消息，请运维人员检查 AllowedServiceUrls",
            "the bot's configuration does not allow sending to their Teams service address; ask the operators to check AllowedServiceUrls"),
        _ when PersonCanFix => RefusedChat.Reason(Status, language),
        _ => language.Pick(
            $"Teams 拒收了消息（{(int)Status} {ErrorCode}），请运维人员查看机器人日志",
            $"Teams refused the message ({(int)Status} {ErrorCode}); ask the operators to look at the bot's log"),
    };
}
