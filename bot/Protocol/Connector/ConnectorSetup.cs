using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiBot.Protocol.Connector;

public static class ConnectorSetup
{
    /// <summary>
    /// The typed connector <see cref="HttpClient"/> and its pipeline, outermost first: total timeout and
    /// retries, then the rate limiter (so every attempt counts), then the per-attempt timeout.
    /// Options come from the <c>Connector</c> configuration section when an <see cref="IConfiguration"/>
    /// is registered; <c>services.Configure&lt;ConnectorOptions&gt;</c> may adjust them.
    /// </summary>
    public static IHttpClientBuilder AddConnectorClient(this IServiceCollection services)
    {
        services.AddOptions<ConnectorOptions>()
            .Configure<IServiceProvider>((options, provider) =>
                provider.GetService<IConfiguration>()?.GetSection(ConnectorOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectorRateLimiter>();
        services.TryAddTransient<ConnectorRateLimitHandler>();

        var client = services.AddHttpClient<IConnectorClient, ConnectorClient>(http =>
        {
            // The resilience pipeline owns every timeout; HttpClient's own 100 s would cut across it.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        // IHttpClientFactory's two logging handlers open a log scope and check levels on every attempt;
        // ConnectorClient logs failed calls itself (CallLog), so they only cost CPU per reply.
        client.RemoveAllLoggers();
        client.AddResilienceHandler("connector-retry", (builder, context) =>
        {
            var provider = context.ServiceProvider;
            ConnectorResilience.AddRetries(builder,
                provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.Retry,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<ConnectorClient>>());
        });
        client.AddHttpMessageHandler<ConnectorRateLimitHandler>();
        client.AddResilienceHandler("connector-attempt", (builder, context) =>
            ConnectorResilience.AddAttemptTimeout(builder,
                context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value.Retry));
        return client;
    }
}
