using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GiBot.Protocol.Auth;

/// <summary>
/// Local mode (no <c>MicrosoftAppId</c>): a request without an Authorization header is accepted
/// as anonymous, as the Bot Framework SDK does for the Agents Playground. A request that does carry
/// a token cannot be validated without an app id and is rejected.
/// </summary>
public sealed class LocalModeAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.Authorization.Count > 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("A token was sent, but no MicrosoftAppId is configured to validate it against."));
        }
        var identity = new ClaimsIdentity(BotAuthenticationDefaults.LocalModeAuthenticationType);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
