using System.Net;
using GiBot.Localization;
using GiBot.Reminders.Sending;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Reminders.Nudges;

/// <summary>
/// A nudge Teams refused for good for one person (403, 404, …): the plans it held (each carrying its requester) and
/// why, in words an admin can act on.
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
        (HttpStatusCode.Forbidden, _) => language.Pick(
            "Teams 拒收了消息（403）：对方可能已卸载或屏蔽 GiBot，或 Teams 管理员停用了它",
            "Teams refused the message (403): they may have removed or blocked GiBot, or a Teams administrator disabled it"),
        (HttpStatusCode.NotFound, _) => language.Pick(
            "Teams 找不到与对方的私聊（404）：对方可能已卸载 GiBot",
            "Teams no longer knows the chat with them (404): they may have removed GiBot"),
        _ => language.Pick(
            $"Teams 拒收了消息（{(int)Status} {ErrorCode}），请运维人员查看机器人日志",
            $"Teams refused the message ({(int)Status} {ErrorCode}); ask the operators to look at the bot's log"),
    };
}
