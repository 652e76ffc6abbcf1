using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;
using GiBot.Roster.Seeding;
using GiBot.Roster.Teams;
using GiBot.Roster.Units;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GiBot.Roster;

public static class RosterSetup
{
    /// <summary>
    /// Units, people and roles (issue 5): the unit catalogue (Roster:Groups), the directory every feature
    /// asks, seeding from Roster:People at start, and the Teams flows. Needs the measures and storage features.
    /// </summary>
    public static IServiceCollection AddGiBotRoster(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new UnitCatalog(sp.GetRequiredService<MeasureRegistry>(),
            UnitGroupsConfiguration.Read(sp.GetService<IConfiguration>() ?? configuration)));
        services.AddSingleton<RosterDirectory>();
        services.AddSingleton<IRosterDirectory>(sp => sp.GetRequiredService<RosterDirectory>());
        services.AddHostedService(sp => new RosterSeeder(sp.GetService<IConfiguration>() ?? configuration,
            sp.GetRequiredService<UnitCatalog>(), sp.GetRequiredService<Storage.IRosterStore>(), sp.GetRequiredService<ILogger<RosterSeeder>>()));
        services.AddSingleton<IConversationLifecycleObserver, EmailIdentityResolver>();

        services.AddSingleton<RosterCards>();
        services.AddSingleton<PersonResolver>();
        services.AddSingleton<JoinRequestStore>();
        services.AddSingleton<JoinRequests>();
        services.AddSingleton<RosterAdmin>();
        services.AddSingleton<MyMeasures>();
        services.AddSingleton<IMessageFeature, RosterFeature>();
        services.AddSingleton<ICardActionFeature, RosterCardActions>();
        return services;
    }
}
