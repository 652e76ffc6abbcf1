using System.Net;
using GiBot.Localization;
using GiBot.Protocol.Connector;
using GiBot.Roster;

namespace GiBot.Reminders.Sending;

/// <summary>
/// A person whose personal chat Teams refused a reminder for good: 403 (they removed or blocked GiBot, or a Teams
/// administrator disabled it) or 404 (the chat is gone). Their chat is then marked removed, so later rungs count them
/// unreachable instead of trying it again, until they write to GiBot again (which stores the chat afresh).
/// </summary>
public sealed record RefusedChat(RosterPerson Person, HttpStatusCode Status)
{
    /// <summary>
    /// Raised by the bot itself, not Teams, when the chat's service address is not trusted (yet): a configuration
    /// matter, or trust learned from inbound activities and lost at a restart. The chat is not gone.
    /// </summary>
    public const string UntrustedServiceUrl = "UntrustedServiceUrl";

    /// <summary>True when the failure says the chat itself is gone or closed to the bot, which only the person (or their admin) can undo.</summary>
    public static bool IsGone(ConnectorException failure) => IsGone(failure.StatusCode, failure.ErrorCode);

    /// <inheritdoc cref="IsGone(ConnectorException)"/>
    public static bool IsGone(HttpStatusCode status, string? errorCode) =>
        status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound && errorCode != UntrustedServiceUrl;

    /// <summary>Why the chat is closed, in words an admin can act on (for a 403 or 404 that <see cref="IsGone(HttpStatusCode, string?)"/>).</summary>
    public static string Reason(HttpStatusCode status, Language language) => status == HttpStatusCode.NotFound
        ? language.Pick("Teams 找不到与对方的私聊（404），对方可能已卸载 GiBot", "Teams no longer knows the chat with them (404); they may have removed GiBot")
        : language.Pick($"Teams 拒收（{(int)status}），对方可能已卸载或屏蔽 GiBot，或 Teams 管理员停用了它",
            $"Teams refused it ({(int)status}); they may have removed or blocked GiBot, or a Teams administrator disabled it");
}
