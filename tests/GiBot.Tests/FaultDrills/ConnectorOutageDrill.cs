using GiBot.Storage;
using GiBot.Tests.Relay;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.FaultDrills;

/// <summary>
/// Issue 11 drill 2: the Bot Connector answers 503 to everything for 60 s while updates keep arriving;
/// afterwards every relay is delivered exactly once. Relay retry timings are shortened, the outage is
/// not. Takes about 65 s (it waits for real time to pass).
/// </summary>
public sealed class ConnectorOutageDrill : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    private RelayHarness _harness = null!;
    private OutageProxy _proxy = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await RelayHarness.StartAsync();
        _proxy = await OutageProxy.StartAsync(_harness.Connector.ServiceUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _proxy.DisposeAsync();
    }

    private static string Progress(int i) => $"停服演练-{i:D2}-开展了地理标志专项检查";

    private static ProgressReport Report(int i) =>
        RelayHarness.Report(measure: i % 20 + 1) with { Progress = Progress(i) };

    [Fact]
    public async Task After_a_60_second_503_outage_every_relay_is_delivered_exactly_once()
    {
        var cancellation = TestContext.Current.CancellationToken;
        _proxy.BeginOutage(Outage);
        var bot = _harness.Bot(extra: new()
        {
            ["Relay:ServiceUrl"] = _proxy.Url,
            ["Relay:RetryBaseDelay"] = "00:00:00.500",
            ["Relay:RetryMaxDelay"] = "00:00:03",
        });
        const int Early = 12, Late = 12;
        for (var i = 0; i < Early; i++)
        {
            await RelayHarness.SubmitAsync(bot, Report(i));
        }
        // More updates arrive in the middle of the outage.
        await Task.Delay(Outage / 2, cancellation);
        Assert.True(_proxy.InOutage);
        for (var i = Early; i < Early + Late; i++)
        {
            await RelayHarness.SubmitAsync(bot, Report(i));
        }
        var outbox = bot.Services.GetRequiredService<IRelayOutbox>();
        Assert.True(await outbox.CountPendingAsync(cancellation) > 0, "Nothing may be delivered during the outage.");

        await RelayHarness.DrainAsync(bot, Outage + TimeSpan.FromSeconds(30));
        Assert.False(_proxy.InOutage, "The outbox drained while the connector was still down.");
        await Task.Delay(TimeSpan.FromSeconds(1), cancellation);

        Assert.True(_proxy.Refused > 0, "The outage was never hit.");
        var accepted = _harness.Connector.Sent.Where(c => c.Method == "POST").Select(c => c.Body).ToArray();
        var counts = Enumerable.Range(0, Early + Late).Select(i => (i, posted: accepted.Count(b => b.Contains(Progress(i), StringComparison.Ordinal)))).ToArray();
        Assert.True(counts.All(c => c.posted == 1), string.Join(", ", counts.Where(c => c.posted != 1).Select(c => $"#{c.i}: posted {c.posted}")));
    }
}
