using GiBot.Protocol.Hosting;

namespace GiBot.Protocol.Auth;

public static class AuthenticationSetup
{
    /// <summary>Registers the scheme and policy guarding <c>/api/messages</c>.</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, BotFrameworkSettings settings)
    {
        // No scheme: the messages endpoint authenticates each request itself (IChannelAuthenticator). The
        // middleware stays registered for the pipeline's UseAuthentication/UseAuthorization, with nothing to run.
        services.AddAuthentication();
        services.AddAuthorization();
        if (settings.IsLocalMode)
        {
            services.AddSingleton<IChannelAuthenticator, LocalModeAuthenticationHandler>();
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
            services.AddSingleton<IChannelAuthenticator, BotFrameworkAuthenticationHandler>();
        }
        return services;
    }
}
