using GiBot.Protocol.Auth;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GiBot.Protocol.Hosting;

public static class ProtocolSetup
{
    /// <summary>Everything that speaks the Bot Framework protocol: authentication, connector client, routing.</summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, BotFrameworkSettings settings)
    {
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddBotAuthentication(settings);
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddBotTokenProvider(settings);
        services.AddConnectorClient();
        services.TryAddSingleton<IActivityDeduplicator, MemoryActivityDeduplicator>();
        services.AddSingleton<ActivityRouter>();
        services.TryAddSingleton(sp => TurnAdmissionOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<TurnAdmission>();
        return services;
    }
}
