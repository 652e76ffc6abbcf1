using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Connector;

/// <summary>The per-conversation and global limits, seen from the connector's side over real HTTP.</summary>
public sealed class ConnectorRateLimitTests
{
    private static readonly TimeSpan ArrivalJitter = TimeSpan.FromMilliseconds(60);

    private static Activity Hello(int n) => new() { Type = ActivityTypes.Message, Text = "hello " + n };

    [Fact]
    public async Task A_burst_to_one_conversation_is_queued_not_refused_and_stays_within_Teams_thread_limits()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var sends = Enumerable.Range(0, 20)
            .Select(n => harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:burst", Hello(n)))
            .ToArray();
        await Task.WhenAll(sends);

        var calls = harness.Fake.Calls.ToArray();
        Assert.Equal(20, calls.Length);
        // Arrival times carry this machine's scheduling delay (tens of ms when the suite loads both cores), which
        // the bot's window margin cannot see; the windows are checked with that much slack.
        Assert.True(MaxWithin(calls, TimeSpan.FromSeconds(1) - ArrivalJitter) <= 7, Timeline(calls));
        Assert.True(MaxWithin(calls, TimeSpan.FromSeconds(2) - ArrivalJitter) <= 8, Timeline(calls));
        Assert.Equal(Enumerable.Range(0, 20).Select(n => "hello " + n).Order(), calls.Select(c => c.Json!["text"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task One_busy_conversation_does_not_hold_up_another()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var busy = Enumerable.Range(0, 9)
            .Select(n => harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:busy", Hello(n)))
            .ToArray();
        await harness.Fake.WaitForSentAsync(7);
        await harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:quiet", Hello(100));
        await Task.WhenAll(busy);

        var calls = harness.Fake.Calls.ToArray();
        var quiet = Assert.Single(calls, c => c.Path.Contains("a:quiet", StringComparison.Ordinal));
        var busyCalls = calls.Where(c => c.Path.Contains("a:busy", StringComparison.Ordinal)).OrderBy(c => c.At).ToArray();
        Assert.True(quiet.At < busyCalls[7].At, Timeline(calls));
        Assert.True(busyCalls[7].At - busyCalls[0].At >= TimeSpan.FromSeconds(1), Timeline(calls));
    }

    [Fact]
    public async Task Waiting_for_a_permit_does_not_count_against_the_attempt_timeout()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(500));

        await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(n => harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:patient", Hello(n))));

        var times = harness.Fake.Calls.Select(c => c.At).Order().ToArray();
        Assert.Equal(8, times.Length);
        Assert.True(times[7] - times[0] >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task The_app_wide_limit_spans_conversations()
    {
        await using var harness = await ConnectorHarness.StartAsync(options =>
            options.RateLimits.Global.Add(new RateWindow { PermitLimit = 5, Window = TimeSpan.FromSeconds(1) }));

        await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(n => harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat-" + n, Hello(n))));

        var calls = harness.Fake.Calls.ToArray();
        Assert.Equal(8, calls.Length);
        Assert.True(MaxWithin(calls, TimeSpan.FromSeconds(1)) <= 5, Timeline(calls));
    }

    [Fact]
    public async Task A_conversation_with_too_many_waiting_calls_refuses_more_and_the_connector_sees_none_of_them()
    {
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.RateLimits.PerConversation.Add(new RateWindow { PermitLimit = 1, Window = TimeSpan.FromMinutes(1) });
            options.RateLimits.QueueLimit = 1;
        });
        await harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:full", Hello(0));
        using var cancel = new CancellationTokenSource();

        var waiting = harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:full", Hello(1), cancel.Token);
        var alsoWaiting = harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:full", Hello(2), cancel.Token);
        var refused = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:full", Hello(3), cancel.Token));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("LocalQueueFull", refused.ErrorCode);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => alsoWaiting);
        Assert.Single(harness.Fake.Calls);
    }

    /// <summary>The most calls that arrived within any span of the given length.</summary>
    private static int MaxWithin(IReadOnlyList<FakeConnector.Call> calls, TimeSpan span)
    {
        var times = calls.Select(c => c.At).Order().ToArray();
        var most = 0;
        for (var i = 0; i < times.Length; i++)
        {
            most = Math.Max(most, times.Skip(i).TakeWhile(t => t - times[i] < span).Count());
        }
        return most;
    }

    private static string Timeline(IEnumerable<FakeConnector.Call> calls)
    {
        var ordered = calls.OrderBy(c => c.At).ToArray();
        return string.Join(", ", ordered.Select(c => $"{c.Path.Split('/')[3]}@{(c.At - ordered[0].At).TotalMilliseconds:F0}ms"));
    }
}
