using System.Collections.Concurrent;
using System.Net;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Hosting;
using GiBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace GiBot.Tests.Connector;

/// <summary>
/// A burst from a client with no warm connections, against a connector that counts calls like Teams
/// (exact sliding windows, 429 + Retry-After) but only some time after they reach it, as a busy or cold
/// service does: the limiter must still keep every window as the connector counts it. About 3 s.
/// </summary>
public sealed class ConnectorColdStartTests
{
    [Fact]
    public async Task A_cold_burst_draws_no_429_from_a_connector_that_counts_calls_late()
    {
        // The first wave is counted 200 ms after it arrives, just before it is answered: the limiter counts from the answer.
        await using var connector = await CountingConnector.StartAsync(appLimit: 10, lateCalls: 10, lateBy: TimeSpan.FromMilliseconds(200));
        await using var services = ClientServices(appLimit: 10);
        var client = services.GetRequiredService<IConnectorClient>();

        // 30 messages, 10 to each of 3 conversations: the app window (10/s) and each thread's 7/1 s and 8/2 s all bind.
        await Task.WhenAll(Enumerable.Range(0, 30).Select(n => client.SendToConversationAsync(connector.ServiceUrl, "a:user-" + (n % 3),
            new Activity { Type = ActivityTypes.Message, Id = "m" + n, Text = "提醒 " + n })));

        Assert.Equal(0, connector.Refused);
        Assert.Equal(Enumerable.Range(0, 30).Select(n => "m" + n).Order(), connector.Accepted.Order());
    }

    private static ServiceProvider ClientServices(int appLimit)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(new BotFrameworkSettings());
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<IBotTokenProvider, NoTokenProvider>();
        services.AddConnectorClient();
        services.Configure<ConnectorOptions>(options =>
        {
            options.RateLimits.Global.Add(new RateWindow { PermitLimit = appLimit, Window = TimeSpan.FromSeconds(1) });
            options.Retry.MaxRetryAttempts = 3;
        });
        return services.BuildServiceProvider();
    }

    /// <summary>Teams' limits per conversation (7/1 s, 8/2 s) and per app, counted when the call is handled.</summary>
    private sealed class CountingConnector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly object _gate = new();
        private readonly Dictionary<string, List<long>> _threads = [];
        private readonly List<long> _all = [];
        private readonly int _appLimit;
        private readonly int _lateCalls;
        private readonly TimeSpan _lateBy;
        private int _arrived;
        private int _refused;

        private CountingConnector(WebApplication app, int appLimit, int lateCalls, TimeSpan lateBy)
        {
            _app = app;
            _appLimit = appLimit;
            _lateCalls = lateCalls;
            _lateBy = lateBy;
        }

        public string ServiceUrl { get; private set; } = "";

        public ConcurrentBag<string> Accepted { get; } = [];

        public int Refused => Volatile.Read(ref _refused);

        public static async Task<CountingConnector> StartAsync(int appLimit, int lateCalls, TimeSpan lateBy)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var connector = new CountingConnector(app, appLimit, lateCalls, lateBy);
            app.Run(connector.HandleAsync);
            await app.StartAsync();
            connector.ServiceUrl = app.Urls.First() + "/";
            return connector;
        }

        private async Task HandleAsync(HttpContext context)
        {
            var body = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body);
            if (Interlocked.Increment(ref _arrived) <= _lateCalls)
            {
                await Task.Delay(_lateBy);
            }
            var thread = Uri.UnescapeDataString(context.Request.Path.Value!.Split('/')[3]);
            if (!TryCount(thread))
            {
                Interlocked.Increment(ref _refused);
                context.Response.StatusCode = (int)HttpStatusCode.TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                return;
            }
            Accepted.Add(body.RootElement.GetProperty("id").GetString()!);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"1"}""");
        }

        private bool TryCount(string thread)
        {
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                if (!_threads.TryGetValue(thread, out var calls))
                {
                    _threads[thread] = calls = [];
                }
                if (Within(calls, now, 1) >= 7 || Within(calls, now, 2) >= 8 || Within(_all, now, 1) >= _appLimit)
                {
                    return false;
                }
                calls.Add(now);
                _all.Add(now);
                return true;
            }
        }

        private static int Within(List<long> calls, long now, int seconds) =>
            calls.Count(at => now - at < seconds * Stopwatch.Frequency);

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
