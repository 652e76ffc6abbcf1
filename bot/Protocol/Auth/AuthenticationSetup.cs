using GiBot.Protocol.Hosting;

namespace GiBot.Protocol.Auth;

public static class AuthenticationSetup
{
    /// <summary>Registers what authenticates the channel's requests to <c>/api/messages</c>.</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, BotFrameworkSettings settings)
    {
        // No ASP.NET Core scheme or middleware: the messages endpoint authenticates each request itself
        // (IChannelAuthenticator), which saved the handler, principal and policy work on every activity
        // (docs/benchmarks.md, "Third round: hot path"). The other endpoints use signed links.
        if (settings.IsLocalMode)
        {
            services.AddSingleton<IChannelAuthenticator, LocalModeAuthenticator>();
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
            services.AddSingleton<IChannelAuthenticator, ChannelTokenAuthenticator>();
        }
        return services;
    }
}
