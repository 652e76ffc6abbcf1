using GiBot.Hosting;
using GiBot.Tests.Connector;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GiBot.Tests.Hosting;

/// <summary>
/// With a log provider listening (as in production) but nobody tracing, a turn starts no trace and the reply carries
/// none to the connector; configuring ASP.NET Core's hosting log category brings the per-request trace back.
/// </summary>
public abstract class RequestTracingTest : LocalBotTest
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(new LogSink());

    protected async Task<FakeConnector.Call> ReplyToHelpAsync()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "help", id: "m-1"));
        return Assert.Single(await Connector.WaitForSentAsync(1));
    }
}

public sealed class RequestTracingTests : RequestTracingTest
{
    [Fact]
    public async Task A_reply_carries_no_trace_when_nothing_traces()
    {
        Assert.Null((await ReplyToHelpAsync()).TraceParent);
    }
}

public sealed class ConfiguredRequestTracingTests : RequestTracingTest
{
    protected override Dictionary<string, string?> Settings => new()
    {
        [$"Logging:LogLevel:{Telemetry.HostingDiagnostics}"] = "Warning",
    };

    [Fact]
    public async Task A_reply_carries_the_request_trace_when_hosting_logs_are_configured()
    {
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", (await ReplyToHelpAsync()).TraceParent ?? "");
    }
}
