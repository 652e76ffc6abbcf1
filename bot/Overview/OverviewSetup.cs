using GiBot.Overview.Links;
using GiBot.Protocol.Turns;

namespace GiBot.Overview;

public static class OverviewSetup
{
    /// <summary>
    /// The overview, 督办台账 export and dashboard (issue 10). Needs the measures, storage, roster, updates and
    /// reminders features (unit catalogue, update store, roster directory, reporting schedule, working-day calendar).
    /// Map the pages with <see cref="OverviewEndpoints.MapGiBotOverview"/>.
    /// </summary>
    public static IServiceCollection AddGiBotOverview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => OverviewOptions.From(sp.GetService<IConfiguration>() ?? configuration));
        services.AddSingleton<RagRule>();
        services.AddSingleton<OverviewBuilder>();
        services.AddSingleton<OverviewAccess>();
        services.AddSingleton<OverviewCards>();
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<PublicBaseUrl>();
        services.AddSingleton<SignedLinks>();
        services.AddSingleton<OverviewReplies>();
        services.AddSingleton<IMessageFeature, OverviewFeature>();
        services.AddSingleton<ICardActionFeature, OverviewCardActions>();
        return services;
    }
}
