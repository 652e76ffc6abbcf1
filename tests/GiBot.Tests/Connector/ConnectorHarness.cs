using GiBot.Protocol.Connector;
using GiBot.Protocol.Hosting;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GiBot.Tests.Connector;

/// <summary>
/// The connector client built through DI exactly as the bot builds it (local mode, no token),
/// talking to a <see cref="FakeConnector"/> on loopback. Backoff delays are shrunk; the rate limits
/// are the production ones unless a test says otherwise.
/// </summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConnectorHarness(FakeConnector fake, ServiceProvider services, LogSink logs)
    {
        Logs = logs;
        Fake = fake;
        _services = services;
    }

    public FakeConnector Fake { get; }

    /// <summary>Every log line the client wrote, Debug and up.</summary>
    public LogSink Logs { get; }

    public IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    public string ServiceUrl => Fake.ServiceUrl;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ConnectorHarness> StartAsync(Action<ConnectorOptions>? configure = null, IDictionary<string, string?>? configuration = null,
        IBotTokenProvider? tokens = null, TimeProvider? time = null)
    {
        var fake = await FakeConnector.StartAsync();
        var logs = new LogSink();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());
        services.AddSingleton(new BotFrameworkSettings());
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton(tokens ?? new NoTokenProvider());
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        services.AddConnectorClient();
        if (configuration is null)
        {
            services.Configure<ConnectorOptions>(options =>
            {
                options.Retry.MaxRetryAttempts = 3;
                options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
                options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
                options.Retry.AttemptTimeout = TimeSpan.FromSeconds(5);
                options.Retry.TotalTimeout = TimeSpan.FromSeconds(30);
                configure?.Invoke(options);
            });
        }
        return new ConnectorHarness(fake, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
