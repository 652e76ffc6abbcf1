using GiBot.Protocol.Turns;

namespace GiBot.Updates;

public static class UpdatesSetup
{
    /// <summary>
    /// Progress updates (issue 6). Needs the measure registry, the storage layer and an
    /// <see cref="Roster.IRosterDirectory"/> registered by the roster feature; none is faked here.
    /// </summary>
    public static IServiceCollection AddGiBotUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => UpdateOptions.From(sp.GetService<IConfiguration>() ?? configuration));
        services.AddSingleton<UpdateCards>();
        services.AddSingleton<UpdateValidator>();
        services.AddSingleton<UpdateDialog>();
        services.AddSingleton<UpdateHistory>();
        services.AddSingleton<NoChangeReporter>();
        services.AddSingleton<IMessageFeature, UpdatesFeature>();
        services.AddSingleton<ICardActionFeature, UpdateCardActions>();
        return services;
    }
}
