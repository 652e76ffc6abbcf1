namespace GiBot.Protocol.Auth;

/// <summary>
/// Authenticates a request to <c>/api/messages</c> before its body is read. The endpoint calls it itself rather
/// than going through ASP.NET Core's authentication and authorization middleware: the same checks, without a
/// handler instance, a principal, a ticket and a policy evaluation built for every activity.
/// </summary>
public interface IChannelAuthenticator
{
    ValueTask<ChannelAuthentication> AuthenticateAsync(HttpRequest request);
}

/// <summary>The identity of an accepted request, or null with the reason (for the log, never the wire).</summary>
public readonly record struct ChannelAuthentication(ChannelIdentity? Identity, string? Rejection)
{
    public static ChannelAuthentication Accept(ChannelIdentity identity) => new(identity, null);

    public static ChannelAuthentication Reject(string reason) => new(null, reason);
}

/// <summary>
/// What an accepted request may do: the <c>serviceurl</c> its token is bound to and the channels its signing key is
/// endorsed for, both checked against the activity by <see cref="ChannelBinding"/>. Local mode carries neither.
/// </summary>
public sealed class ChannelIdentity(string? serviceUrl, IReadOnlySet<string> endorsements, bool isLocalMode = false)
{
    public static readonly ChannelIdentity LocalMode = new(null, new HashSet<string>(), isLocalMode: true);

    public string? ServiceUrl { get; } = serviceUrl;

    public IReadOnlySet<string> Endorsements { get; } = endorsements;

    public bool IsLocalMode { get; } = isLocalMode;
}
