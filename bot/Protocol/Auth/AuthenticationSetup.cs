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
            services.AddHttpClient(ChannelKeyStore.HttpClientName, http =>
            {
                http.Timeout = TimeSpan.FromSeconds(15);
                http.MaxResponseContentBufferSize = 1024 * 1024;
            });
            services.AddSingleton<ChannelKeyStore>();
            services.AddSingleton<ValidatedTokenCache>();
            builder.AddScheme<AuthenticationSchemeOptions, BotFrameworkAuthenticationHandler>(BotAuthenticationDefaults.Scheme, _ => { });
        }
        services.AddAuthorizationBuilder().AddPolicy(BotAuthenticationDefaults.Policy, policy =>
            policy.AddAuthenticationSchemes(BotAuthenticationDefaults.Scheme).RequireAuthenticatedUser());
        return services;
    }
}
