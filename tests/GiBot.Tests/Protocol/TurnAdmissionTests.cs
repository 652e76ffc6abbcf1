using System.Net;
using GiBot.Protocol.Hosting;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Protocol;

public sealed class TurnAdmissionTests : LocalBotTest
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Messages:MaxTurnsInFlight"] = "2",
        ["Messages:QueueLimit"] = "0",
        ["Messages:RetryAfter"] = "00:00:03",
    };

    [Fact]
    public async Task Beyond_the_limit_a_turn_is_refused_with_503_and_its_retry_is_handled_once()
    {
        var slowReply = new FakeConnector.ScriptedFailure(200, Body: """{"id":"slow"}""") { Delay = TimeSpan.FromSeconds(2) };
        Connector.FailNext(slowReply, slowReply);
        var first = Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "help", id: "m-1", conversationId: "a:c1"));
        var second = Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "help", id: "m-2", conversationId: "a:c2"));
        await Connector.WaitForSentAsync(2);

        var third = Activities.Message(Connector.ServiceUrl, "help", id: "m-3", conversationId: "a:c3");
        var refused = await Bot.PostActivityAsync(third);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), refused.Headers.RetryAfter?.Delta);

        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
        // The refusal left no trace: the channel's retry of the same activity is a new turn, answered once.
        // (A turn gives its slot back once its id is recorded, a moment after its 200: retry a 503 meanwhile, as the channel does.)
        Assert.Equal(HttpStatusCode.OK, await Bot.PostUntilAdmittedAsync(third));
        await Connector.WaitForSentAsync(3);
        await Task.Delay(300);
        var replies = Connector.Sent.Select(c => c.Json!["replyToId"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["m-1", "m-2", "m-3"], replies);
    }

    [Fact]
    public async Task A_queued_turn_gets_the_next_free_slot_and_a_full_queue_refuses_at_once()
    {
        using var admission = new TurnAdmission(new TurnAdmissionOptions { MaxTurnsInFlight = 1, QueueLimit = 1, QueueTimeout = TimeSpan.FromSeconds(30) });
        var running = await admission.TryEnterAsync(CancellationToken.None);
        Assert.NotNull(running);

        var queued = admission.TryEnterAsync(CancellationToken.None).AsTask();
        Assert.False(queued.IsCompleted);
        Assert.Null(await admission.TryEnterAsync(CancellationToken.None));

        running.Dispose();
        using var next = await queued.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(next);
    }

    [Fact]
    public async Task A_queued_turn_is_refused_when_its_wait_runs_out()
    {
        using var admission = new TurnAdmission(new TurnAdmissionOptions { MaxTurnsInFlight = 1, QueueLimit = 4, QueueTimeout = TimeSpan.FromMilliseconds(100) });
        using var running = await admission.TryEnterAsync(CancellationToken.None);
        Assert.Null(await admission.TryEnterAsync(CancellationToken.None));
        Assert.Equal(1, admission.CountRefusal());
    }
}
