using System.Net;
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
}
