using System.Net;

namespace GiBot.Protocol.Connector;

/// <summary>
/// A connector call that failed after retries; carries the status and the connector's error code.
/// A call that got no answer at all reports 408 with code <c>Timeout</c> or 503 with code <c>Unreachable</c>.
/// </summary>
public sealed class ConnectorException(HttpStatusCode statusCode, string? errorCode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string? ErrorCode { get; } = errorCode;

    /// <summary>Teams refused the message as too large (413, <c>MessageSizeTooBig</c>): sending it again cannot help.</summary>
    public bool IsTooLarge => StatusCode == HttpStatusCode.RequestEntityTooLarge || string.Equals(ErrorCode, "MessageSizeTooBig", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when retrying later cannot help: the bot was removed, the conversation is gone, the call is wrong.</summary>
    public bool IsPermanent => StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest
        or HttpStatusCode.Unauthorized or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.MethodNotAllowed;
}
