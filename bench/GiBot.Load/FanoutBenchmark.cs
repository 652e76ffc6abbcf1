using System.Diagnostics;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Activity = GiBot.Protocol.Schema.Activity;

namespace GiBot.Load;

/// <summary>
/// The fan-out benchmark: N proactive messages handed at once to the bot's own <see cref="IConnectorClient"/>
/// (registered by <c>AddBotProtocol</c> from the shipped appsettings.json, so the same retry pipeline and
/// rate limiter), sent to a fake connector that throttles exactly like Teams. Local mode (no app id): the
/// outbound token plays no part in rates, and the fake connector does not check it.
/// </summary>
public static class FanoutBenchmark
{
    public static async Task<FanoutReport> RunAsync(FanoutOptions options, string repositoryRoot, TextWriter progress)
    {
        var ledger = new TurnLedger(options.Messages);
        var throttle = new TeamsThrottle();
        await using var connector = await FakeConnector.StartAsync(ledger, throttle, keyProperty: "id", options.DropAfterAccept);
        if (options.WarmConnector)
        {
            progress.WriteLine("Warming the fake connector with one raw-socket call ...");
            await WarmConnectorAsync(connector.ServiceUrl);
        }
        await using var services = BuildBotServices(repositoryRoot, options.Settings);
        var client = services.GetRequiredService<IConnectorClient>();
        if (options.Warmup > 0)
        {
            progress.WriteLine($"Warming up with {options.Warmup} messages to other conversations ...");
            await WarmUpAsync(client, connector.ServiceUrl, options.Warmup);
        }
        var throttledBefore = connector.Throttled;
        var droppedBefore = connector.DroppedAfterAccept;

        progress.WriteLine($"Fanning out {options.Messages} messages to {options.Conversations} conversations through the bot's connector client ...");
        var start = Stopwatch.GetTimestamp();
        var sends = new Task[options.Messages];
        var failures = new string?[options.Messages];
        for (var i = 0; i < options.Messages; i++)
        {
            var n = ledger.Take();
            ledger.Sent(n, start, start);
            sends[n] = SendAsync(client, connector.ServiceUrl, n, options.Conversations, ledger, failures);
        }
        await Task.WhenAll(sends);
        var finished = Stopwatch.GetTimestamp();
        return FanoutReport.Build(options, ledger, failures, start, finished, connector.Throttled - throttledBefore, connector.DroppedAfterAccept - droppedBefore, IdealSpan(options));
    }

    /// <summary>
    /// One HTTP/1.1 call over a plain socket: the fake connector's first request is served (and JIT-compiled)
    /// without running any of the HttpClient code the bot's client shares with this process.
    /// </summary>
    private static async Task WarmConnectorAsync(string serviceUrl)
    {
        var uri = new Uri(serviceUrl);
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(uri.Host, uri.Port);
        var stream = socket.GetStream();
        var request = System.Text.Encoding.ASCII.GetBytes(
            $"POST /v3/conversations/a:1warm-connector/activities HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}");
        await stream.WriteAsync(request);
        var buffer = new byte[4096];
        while (await stream.ReadAsync(buffer) > 0)
        {
        }
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
    }

    /// <summary>Not in the ledger (the connector counts them as unknown); the pause lets every window empty.</summary>
    private static async Task WarmUpAsync(IConnectorClient client, string serviceUrl, int count)
    {
        await Task.WhenAll(Enumerable.Range(0, count).Select(async k =>
        {
            try
            {
                await client.SendToConversationAsync(serviceUrl, $"a:1warmup-{k}", new Activity { Type = "message", Id = "warmup", Text = "warm-up" });
            }
            catch (ConnectorException)
            {
                // --drop-after-accept applies to warm-up messages too; they are not counted.
            }
        }));
        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    private static ServiceProvider BuildBotServices(string repositoryRoot, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repositoryRoot, "appsettings.json"), optional: false)
            .AddInMemoryCollection([new("MicrosoftAppId", ""), .. settings])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddBotProtocol(BotFrameworkSettings.From(configuration));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
    }

    private static async Task SendAsync(IConnectorClient client, string serviceUrl, int n, int conversations, TurnLedger ledger, string?[] failures)
    {
        await Task.Yield();
        var conversationId = ConversationId(n % conversations);
        var activity = new Activity
        {
            Type = "message",
            Id = TurnLedger.ActivityId(n),
            Text = $"提醒：第8项措施本月进展请于25日前填报。（第{n}条）",
            Locale = "zh-CN",
        };
        try
        {
            await client.SendToConversationAsync(serviceUrl, conversationId, activity);
            ledger.Answered(n, 200, Stopwatch.GetTimestamp());
        }
        catch (ConnectorException e)
        {
            failures[n] = $"{(int)e.StatusCode} {e.ErrorCode}";
            ledger.Answered(n, (int)e.StatusCode, Stopwatch.GetTimestamp());
        }
    }

    private static string ConversationId(int k) => $"a:1fanout-user-{k}";

    /// <summary>
    /// The earliest the last message could be accepted under Teams' limits: a sender with no latency that
    /// sends each message, in submission order, the moment the same throttle would accept it.
    /// </summary>
    private static long IdealSpan(FanoutOptions options)
    {
        var limits = new TeamsThrottle();
        long now = 0;
        for (var n = 0; n < options.Messages; n++)
        {
            var conversationId = ConversationId(n % options.Conversations);
            while (limits.WaitTicks(conversationId, now) is var wait && wait > 0)
            {
                now += wait;
            }
        }
        return now;
    }
}
