using System.Net;
using GiBot.Protocol.Connector;

namespace GiBot.Reminders.Sending;

/// <summary>
/// Teams refused a reminder because of the message itself, not the chat or the bot's credentials: 400 (malformed),
/// 405, or 413 / <c>MessageSizeTooBig</c> (over Teams' size limit, which <c>MessageBudget</c> normally keeps every
/// message under). The same message would be refused every time, so it is given up on for that person and rung; it is
/// a bot bug worth fixing. A 401 (the bot's outbound credentials) and the bot's own untrusted service URL are
/// configuration an operator can mend, so they are not such a refusal and stay retried.
/// </summary>
public static class RefusedMessage
{
    /// <summary>True when sending the same message again is bound to be refused again.</summary>
    public static bool Is(ConnectorException failure) =>
        failure.IsTooLarge || failure.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed or HttpStatusCode.RequestEntityTooLarge;
}
