using GiBot.Protocol.Turns;

namespace GiBot.Relay;

public static class RelaySetup
{
    /// <summary>Relay of submitted updates to the 知识产权保护科 channel (issue 7): sender, channel command, card buttons, install hook.</summary>
    public static IServiceCollection AddGiBotRelay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RelayOptions>().Bind(configuration.GetSection(RelayOptions.SectionName));
        services.AddSingleton<RosterAccess>();
        services.AddSingleton<PersonalNotifier>();
        services.AddSingleton<AdminAlerts>();
        services.AddSingleton<RelayTargetResolver>();
        services.AddSingleton<RelayCards>();
        services.AddSingleton<ChannelPoster>();
        services.AddSingleton<RelayThreads>();
        services.AddSingleton<RelayReviews>();
        services.AddSingleton<RelayDelivery>();
        services.AddHostedService<RelaySender>();
        services.AddSingleton<IMessageFeature, RelayHereFeature>();
        services.AddSingleton<IMessageFeature, RelayRetryFeature>();
        services.AddSingleton<ICardActionFeature, RelayCardActions>();
        services.AddSingleton<IConversationLifecycleObserver, RelayInstallObserver>();
        return services;
    }
}
