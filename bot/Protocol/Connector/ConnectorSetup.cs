using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiBot.Protocol.Connector;

public static class ConnectorSetup
{
    /// <summary>
    /// The connector client: one <see cref="ConnectorExchange"/> for the process (retries on Polly, the total
    /// timeout, a rate-limit permit per attempt, then the attempt timeout) over a <see cref="SocketsHttpHandler"/> whose pooled
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
        services.TryAddSingleton<ConnectorClock>();
        services.TryAddSingleton(provider => new ConnectorHttp(
            provider.GetRequiredService<IOptions<ConnectorOptions>>().Value,
            provider.GetRequiredService<ConnectorRateLimiter>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ConnectorClient>>(),
            provider.GetRequiredService<ConnectorClock>()));
        services.TryAddSingleton<IConnectorClient>(provider => new ConnectorClient(
            provider.GetRequiredService<ConnectorHttp>().Exchange,
            provider.GetRequiredService<IBotTokenProvider>(),
            provider.GetRequiredService<ServiceUrlPolicy>(),
            provider.GetRequiredService<ILogger<ConnectorClient>>()));
        return services;
    }
}

/// <summary>Owns the connector's HTTP handler and the exchange over it; disposed with the service provider.</summary>
internal sealed class ConnectorHttp : IDisposable
{
    private readonly HttpMessageInvoker _http;

    public ConnectorHttp(ConnectorOptions options, ConnectorRateLimiter limiter, TimeProvider time, ILogger logger, ConnectorClock? clock = null)
    {
        // The handler itself, not an HttpClient: the exchange owns every timeout and reads the answers' bodies,
        // so HttpClient's linked cancellation source and buffering per call would only repeat that work.
        _http = new HttpMessageInvoker(CreateHandler(options.Connections), disposeHandler: true);
        Exchange = new ConnectorExchange(_http, limiter, options.Retry, time, ConnectorResilience.Pipeline(options.Retry, time, logger), clock);
    }

    public ConnectorExchange Exchange { get; }

    internal static SocketsHttpHandler CreateHandler(ConnectorConnectionOptions connections) => new()
    {
        PooledConnectionLifetime = connections.PooledConnectionLifetime,
        PooledConnectionIdleTimeout = connections.PooledConnectionIdleTimeout,
        MaxConnectionsPerServer = connections.MaxConnectionsPerServer,
        UseCookies = false,
        // The Bot Connector never redirects. Following one would send the message to a host ServiceUrlPolicy
        // never approved; a 3xx fails the call instead, like any other unexpected answer.
        AllowAutoRedirect = false,
        // A reply (~7.6 KB of JSON) would otherwise leave in two writes, head and body: two sends, two TLS records,
        // the receiver woken twice. One write per request: ~7 % CPU per turn (docs/benchmarks.md, twelfth round).
        PlaintextStreamFilter = RequestWriteCoalescer.Wrap,
    };

    public void Dispose() => _http.Dispose();
}
