using System.Collections.Concurrent;
using System.Net;
using GiBot.Protocol.Hosting;
using GiBot.Storage;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GiBot.Tests.Protocol;

/// <summary>
/// The HTTP 200 for a message is sent when the turn's own work is done, not when its id is recorded; until the record
/// is in, the turn keeps its admission slot and a repeat is still dropped.
/// </summary>
public sealed class AcknowledgeBeforeRecordTests : LocalBotTest
{
    private readonly HeldStore _store = new();

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Messages:MaxTurnsInFlight"] = "2",
        ["Messages:QueueLimit"] = "0",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IProcessedActivityStore>(_store));

    [Fact]
    public async Task The_answer_does_not_wait_for_the_record_and_the_turn_keeps_its_slot_until_recorded()
    {
        var first = Activities.Message(Connector.ServiceUrl, "help", id: "m-1", conversationId: "a:c1");
        // The record is held until the test releases it; waiting for it would take the whole acknowledge budget.
        var answer = await Bot.PostActivityAsync(first).WaitAsync(MessagesEndpoint.AcknowledgeBudget / 2, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await Connector.WaitForSentAsync(1);
        await _store.RecordStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Empty(_store.Recorded);

        // Not recorded yet: a repeat is dropped by this process's memory.
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(first)).StatusCode);
        // Each answered turn keeps its slot until its record is in: with two held, a third turn is refused.
        var second = Activities.Message(Connector.ServiceUrl, "help", id: "m-2", conversationId: "a:c2");
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(second)).StatusCode);
        var third = Activities.Message(Connector.ServiceUrl, "help", id: "m-3", conversationId: "a:c3");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Bot.PostActivityAsync(third)).StatusCode);
        Assert.Empty(_store.Recorded);

        _store.Release.SetResult();
        Assert.Equal(HttpStatusCode.OK, await Bot.PostUntilAdmittedAsync(third));
        await Connector.WaitForSentAsync(3);
        // The third was admitted as soon as one held record finished; the other may still be on its way in.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_store.Recorded.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        Assert.Contains(("a:c1", "m-1"), _store.Recorded.Keys);
        Assert.Contains(("a:c2", "m-2"), _store.Recorded.Keys);

        // Recorded: the store now drops the repeat.
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(first)).StatusCode);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var replies = Connector.Sent.Select(c => c.Json!["replyToId"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["m-1", "m-2", "m-3"], replies);
    }

    /// <summary>Records only when the test lets it.</summary>
    private sealed class HeldStore : IProcessedActivityStore
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource RecordStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentDictionary<(string, string), bool> Recorded { get; } = new();

        public async Task<bool> TryRecordAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken)
        {
            RecordStarted.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return Recorded.TryAdd((conversationId, activityId), true);
        }

        public Task<bool> WasRecordedAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken) =>
            Task.FromResult(Recorded.ContainsKey((conversationId, activityId)));

        public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
