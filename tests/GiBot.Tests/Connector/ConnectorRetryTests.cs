using System.Globalization;
using System.Net;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static GiBot.Tests.Infrastructure.FakeConnector;

namespace GiBot.Tests.Connector;

/// <summary>Retries, Retry-After and timeouts against a connector that answers badly on purpose.</summary>
public sealed class ConnectorRetryTests
{
    private static readonly Activity Hello = new() { Type = ActivityTypes.Message, Text = "hello" };

    [Fact]
    public async Task A_429_is_retried_after_the_seconds_in_Retry_After()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.FailNext(new ScriptedFailure(429, RetryAfter: "1"));

        var result = await harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello);

        var calls = harness.Fake.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1), $"retried after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
        Assert.Equal(calls[0].Body, calls[1].Body);
        Assert.StartsWith("act-", result.Id);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_date_in_Retry_After()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        // HTTP dates have whole seconds, so two seconds ahead is at least one second ahead.
        var date = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R", CultureInfo.InvariantCulture);
        harness.Fake.FailNext(new ScriptedFailure(429, RetryAfter: date));

        await harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello);

        var calls = harness.Fake.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1), $"retried after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_allowed_fails_at_once_instead_of_retrying_early()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Retry.MaxRetryAfter = TimeSpan.FromSeconds(30));
        harness.Fake.FailNext(new ScriptedFailure(429, RetryAfter: "120"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(harness.Fake.Calls);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_statuses_are_retried_until_success(int status)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.FailNext(new ScriptedFailure(status), new ScriptedFailure(status));

        var result = await harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello);

        Assert.Equal(3, harness.Fake.Calls.Count);
        Assert.StartsWith("act-", result.Id);
    }

    [Fact]
    public async Task A_503_that_persists_surfaces_as_ConnectorException_after_the_configured_attempts()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Retry.MaxRetryAttempts = 3);
        harness.Fake.FailNext(Enumerable.Repeat(new ScriptedFailure(503), 10).ToArray());

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.False(error.IsPermanent);
        Assert.Equal(4, harness.Fake.Calls.Count);
    }

    [Fact]
    public async Task A_401_is_sent_again_once_with_a_fresh_token()
    {
        var tokens = new CountingTokens();
        await using var harness = await ConnectorHarness.StartAsync(tokens: tokens);
        harness.Fake.FailNext(new ScriptedFailure(401));

        await harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello);

        Assert.Equal(["Bearer token-1", "Bearer token-2"], harness.Fake.Calls.Select(c => c.Authorization));
        Assert.Equal([false, true], tokens.Requests);
    }

    [Fact]
    public async Task A_second_401_is_not_retried_again()
    {
        await using var harness = await ConnectorHarness.StartAsync(tokens: new CountingTokens());
        harness.Fake.FailNext(new ScriptedFailure(401), new ScriptedFailure(401));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, harness.Fake.Calls.Count);
    }

    [Fact]
    public async Task A_403_is_not_retried()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.FailNext(new ScriptedFailure(403), new ScriptedFailure(403));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Single(harness.Fake.Calls);
    }

    [Fact]
    public async Task A_POST_that_times_out_is_not_sent_again_since_it_may_have_been_posted()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        harness.Fake.FailNext(new ScriptedFailure(200) { Delay = TimeSpan.FromSeconds(5) });

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello));

        Assert.Equal("Timeout", error.ErrorCode);
        Assert.Single(harness.Fake.Calls);
    }

    [Fact]
    public async Task A_503_whose_body_stalls_is_still_retried_for_a_POST()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        harness.Fake.FailNext(new ScriptedFailure(503) { BodyDelay = TimeSpan.FromSeconds(3) });

        var sent = await harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello);

        Assert.False(string.IsNullOrEmpty(sent.Id));
        Assert.Equal(2, harness.Fake.Calls.Count);
    }

    [Fact]
    public async Task A_GET_that_times_out_is_retried()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Retry.AttemptTimeout = TimeSpan.FromSeconds(1));
        harness.Fake.GetResponses["/members/29:a"] = """{"id":"29:a","name":"甲"}""";
        harness.Fake.FailNext(new ScriptedFailure(200) { Delay = TimeSpan.FromSeconds(5) });

        var member = await harness.Client.GetConversationMemberAsync(harness.ServiceUrl, "a:chat", "29:a");

        Assert.Equal("甲", member!.Name);
        Assert.Equal(2, harness.Fake.Calls.Count);
    }

    [Fact]
    public async Task The_total_timeout_ends_a_call_whose_retries_would_go_on()
    {
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.Retry.MaxRetryAttempts = 100;
            options.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            options.Retry.TotalTimeout = TimeSpan.FromMilliseconds(800);
        });
        harness.Fake.FailNext(Enumerable.Repeat(new ScriptedFailure(429, RetryAfter: "1"), 10).ToArray());

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello));

        Assert.Equal("Timeout", error.ErrorCode);
        Assert.Single(harness.Fake.Calls);
    }

    [Fact]
    public async Task The_total_timeout_cuts_off_a_retried_GET_while_it_is_in_flight()
    {
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(50);
            options.Retry.AttemptTimeout = TimeSpan.FromSeconds(2);
            options.Retry.TotalTimeout = TimeSpan.FromMilliseconds(2500);
        });
        harness.Fake.FailNext(Enumerable.Repeat(new ScriptedFailure(200) { Delay = TimeSpan.FromSeconds(10) }, 2).ToArray());
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.GetConversationMemberAsync(harness.ServiceUrl, "a:chat", "29:a"));

        Assert.Equal("Timeout", error.ErrorCode);
        // The first attempt timed out at 2 s and the GET was sent again; the second would run to about 4 s on its
        // own timeout, but the total cut it off in flight at 2.5 s.
        Assert.Equal(2, harness.Fake.Calls.Count);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3.5), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task The_total_timeout_ends_a_wait_for_a_rate_limit_permit_and_the_message_is_never_sent()
    {
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(700);
            options.Retry.TotalTimeout = TimeSpan.FromMilliseconds(800);
        });

        // Teams allows 7 messages a second to one conversation: the 8th and 9th would wait about a second for a permit.
        var sends = Enumerable.Range(0, 9)
            .Select(async n =>
            {
                try
                {
                    await harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:crowded", new Activity { Type = ActivityTypes.Message, Text = "hello " + n });
                    return null;
                }
                catch (ConnectorException e)
                {
                    return e.ErrorCode;
                }
            })
            .ToArray();
        var outcomes = await Task.WhenAll(sends);

        Assert.Equal(7, outcomes.Count(o => o is null));
        Assert.Equal(["Timeout", "Timeout"], outcomes.Where(o => o is not null));
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Equal(7, harness.Fake.Calls.Count);
    }

    [Fact]
    public async Task A_caller_that_gives_up_mid_call_gets_a_cancellation_not_a_timeout()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.FailNext(new ScriptedFailure(200) { Delay = TimeSpan.FromSeconds(5) });
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello, caller.Token));

        Assert.Single(harness.Fake.Calls);
    }

    [Fact]
    public async Task With_no_retries_allowed_a_transient_status_fails_after_one_call()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Retry.MaxRetryAttempts = 0);
        harness.Fake.FailNext(new ScriptedFailure(503), new ScriptedFailure(503));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(harness.Fake.Calls);
    }

    [Fact]
    public async Task Retry_After_is_waited_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.Retry.AttemptTimeout = TimeSpan.FromHours(1);
            options.Retry.TotalTimeout = TimeSpan.FromHours(2);
        }, time: clock);
        harness.Fake.FailNext(new ScriptedFailure(429, RetryAfter: "30"));
        var started = clock.GetUtcNow();

        var call = harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello);
        // The clock moves only when told: the retry can only go out once it has passed Retry-After.
        for (var step = 0; !call.IsCompleted && step < 2000; step++)
        {
            if (harness.Fake.Calls.Count == 1)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
            await Task.Delay(5);
        }

        var result = await call;
        Assert.StartsWith("act-", result.Id);
        Assert.Equal(2, harness.Fake.Calls.Count);
        Assert.InRange(clock.GetUtcNow() - started, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Retry_settings_come_from_the_Connector_configuration_section()
    {
        await using var harness = await ConnectorHarness.StartAsync(configuration: new Dictionary<string, string?>
        {
            ["Connector:Retry:MaxRetryAttempts"] = "1",
            ["Connector:Retry:BaseDelay"] = "00:00:00.010",
            ["Connector:Retry:MaxDelay"] = "00:00:00.050",
        });
        harness.Fake.FailNext(new ScriptedFailure(502), new ScriptedFailure(502), new ScriptedFailure(502));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", Hello));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(2, harness.Fake.Calls.Count);
    }

    [Fact]
    public async Task Unusable_settings_are_refused_with_the_reason()
    {
        await using var harness = await ConnectorHarness.StartAsync(configuration: new Dictionary<string, string?>
        {
            ["Connector:Retry:MaxRetryAttempts"] = "-1",
            ["Connector:RateLimits:PerConversation:0:PermitLimit"] = "0",
            ["Connector:RateLimits:PerConversation:0:Window"] = "00:00:01",
        });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Get<IOptions<ConnectorOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("MaxRetryAttempts", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("PermitLimit", StringComparison.Ordinal));
    }

    /// <summary>Hands out token-1, then a new token each time a refresh is forced.</summary>
    private sealed class CountingTokens : IBotTokenProvider
    {
        private int _issued = 1;

        public List<bool> Requests { get; } = [];

        public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(forceRefresh);
                if (forceRefresh)
                {
                    _issued++;
                }
                return ValueTask.FromResult<string?>("token-" + _issued);
            }
        }
    }
}
