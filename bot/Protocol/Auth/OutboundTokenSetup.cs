using GiBot.Protocol.Connector;
using GiBot.Protocol.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Client;

namespace GiBot.Protocol.Auth;

public static class OutboundTokenSetup
{
    /// <summary>
    /// Local mode sends no token; otherwise one MSAL application for the process supplies them.
    /// Fails at startup when the credentials for <c>MicrosoftAppType</c> are incomplete.
    /// </summary>
    public static IServiceCollection AddBotTokenProvider(this IServiceCollection services, BotFrameworkSettings settings)
    {
        if (settings.IsLocalMode)
        {
            services.TryAddSingleton<IBotTokenProvider, NoTokenProvider>();
            return services;
        }
        BotCredentials.EnsureUsable(settings);
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName);
        services.TryAddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.TryAddSingleton<IBotTokenProvider, MsalTokenProvider>();
        return services;
    }
}
