using GiBot.Protocol.Hosting;
using Microsoft.AspNetCore.Authentication;

namespace GiBot.Protocol.Auth;

public static class AuthenticationSetup
{
    /// <summary>Registers the scheme and policy guarding <c>/api/messages</c>.</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, BotFrameworkSettings settings)
    {
        var builder = services.AddAuthentication(BotAuthenticationDefaults.Scheme);
        if (settings.IsLocalMode)
        {
            builder.AddScheme<AuthenticationSchemeOptions, LocalModeAuthenticationHandler>(BotAuthenticationDefaults.Scheme, _ => { });
        }
        else
        {
            // Filled in by the JWT validation work (issue 2): never accept a token we cannot validate.
            throw new NotSupportedException("Bot Framework JWT validation is not wired yet.");
        }
        services.AddAuthorizationBuilder().AddPolicy(BotAuthenticationDefaults.Policy, policy =>
            policy.AddAuthenticationSchemes(BotAuthenticationDefaults.Scheme).RequireAuthenticatedUser());
        return services;
    }
}
