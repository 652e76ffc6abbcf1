using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiBot.Protocol.Connector;

public static class ConnectorSetup
{
    /// <summary>
    /// The connector client: one <see cref="HttpClient"/> for the process over, outermost first,
    /// <see cref="ConnectorResilienceHandler"/> (total timeout and retries, on Microsoft.Extensions.Http.Resilience),
    /// <see cref="ConnectorAttemptHandler"/> (a rate-limit permit per attempt, then the attempt timeout)
    /// and a <see cref="SocketsHttpHandler"/> whose pooled
    /// connections are renewed every <see cref="ConnectorConnectionOptions.PooledConnectionLifetime"/>, so DNS
    /// changes are followed without IHttpClientFactory rotating (and cooling) the whole handler chain.
    /// Options come from the <c>Connector</c> configuration section when an <see cref="IConfiguration"/>
    /// is registered; <c>services.Configure&lt;ConnectorOptions&gt;</c> may adjust them.
    /// </summary>
    public static IServiceCollection AddConnectorClient(this IServiceCollection services)
    {
        services.AddOptions<ConnectorOptions>()
            .Configure<IServiceProvider>((options, provider) =>
                provider.GetService<IConfiguration>()?.GetSection(ConnectorOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectorRateLimiter>();
        services.TryAddSingleton(provider => new ConnectorHttp(
            provider.GetRequiredService<IOptions<ConnectorOptions>>().Value,
            provider.GetRequiredService<ConnectorRateLimiter>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ConnectorClient>>()));
        services.TryAddSingleton<IConnectorClient>(provider => new ConnectorClient(
            provider.GetRequiredService<ConnectorHttp>().Client,
            provider.GetRequiredService<IBotTokenProvider>(),
            provider.GetRequiredService<ServiceUrlPolicy>(),
            provider.GetRequiredService<ILogger<ConnectorClient>>()));
        return services;
    }
}

/// <summary>Owns the connector's <see cref="HttpClient"/> and its handlers; disposed with the service provider.</summary>
internal sealed class ConnectorHttp : IDisposable
{
    public ConnectorHttp(ConnectorOptions options, ConnectorRateLimiter limiter, TimeProvider time, ILogger logger)
    {
        var connections = options.Connections;
        var sockets = new SocketsHttpHandler
        {
            PooledConnectionLifetime = connections.PooledConnectionLifetime,
            PooledConnectionIdleTimeout = connections.PooledConnectionIdleTimeout,
            MaxConnectionsPerServer = connections.MaxConnectionsPerServer,
            UseCookies = false,
        };
        var attempt = new ConnectorAttemptHandler(limiter, options.Retry.AttemptTimeout, time) { InnerHandler = sockets };
        // The handlers own every timeout; HttpClient's own 100 s would cut across them.
        Client = new HttpClient(new ConnectorResilienceHandler(options.Retry, time, logger) { InnerHandler = attempt })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
