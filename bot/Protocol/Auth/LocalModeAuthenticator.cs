namespace GiBot.Protocol.Auth;

/// <summary>
/// Local mode (no <c>MicrosoftAppId</c>): a request without an Authorization header is accepted
/// as anonymous, as the Bot Framework SDK does for the Agents Playground. A request that does carry
/// a token cannot be validated without an app id and is rejected.
/// </summary>
public sealed class LocalModeAuthenticator : IChannelAuthenticator
{
    public ValueTask<ChannelAuthentication> AuthenticateAsync(HttpRequest request) => ValueTask.FromResult(request.Headers.Authorization.Count > 0
        ? ChannelAuthentication.Reject("a token was sent, but no MicrosoftAppId is configured to validate it against")
        : ChannelAuthentication.Accept(ChannelIdentity.LocalMode));
}
