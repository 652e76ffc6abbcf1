using System.Reflection;
using System.Text.Json;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;
using GiBot.Storage;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiBot.Tests.Storage;

/// <summary>
/// The observer skips the write only when the stored reference equals what the activity implies. Every field of
/// <see cref="ConversationReference"/> is changed in turn, so a field added to the record but not to that comparison
/// fails here.
/// </summary>
public sealed class ConversationReferenceObserverFieldTests
{
    /// <summary>Not compared: the key, the write time, the removal mark (tested in the refresh tests) and the computed flag.</summary>
    private static readonly string[] NotCompared = [nameof(ConversationReference.ConversationId), nameof(ConversationReference.UpdatedAt),
        nameof(ConversationReference.RemovedAt), nameof(ConversationReference.IsRemoved)];

    public static TheoryData<string> Fields()
    {
        var data = new TheoryData<string>();
        foreach (var property in typeof(ConversationReference).GetProperties().Where(p => p.CanWrite && !NotCompared.Contains(p.Name)))
        {
            data.Add(property.Name);
        }
        return data;
    }

    [Fact]
    public async Task A_stored_reference_equal_to_the_activity_is_not_written_again()
    {
        var turn = Turn();
        var store = new OneReferenceStore(ConversationReferenceObserver.FromTurn(turn, DateTimeOffset.UtcNow)!);

        await Observer(store).OnActivityAsync(turn, CancellationToken.None);

        Assert.Equal(0, store.Upserts);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task A_stored_reference_that_differs_in_one_field_is_written_again(string field)
    {
        var turn = Turn();
        var store = new OneReferenceStore(Changed(ConversationReferenceObserver.FromTurn(turn, DateTimeOffset.UtcNow)!, field));

        await Observer(store).OnActivityAsync(turn, CancellationToken.None);

        Assert.Equal(1, store.Upserts);
    }

    private static ConversationReferenceObserver Observer(IConversationReferenceStore store) =>
        new(store, TimeProvider.System, NullLogger<ConversationReferenceObserver>.Instance);

    /// <summary>An English personal message: every string field of its reference is set or deliberately null.</summary>
    private static TurnContext Turn()
    {
        var json = Activities.PersonalMessage("https://smba.example/cn/", "a:observer-fields", "aad-fields", "王芳", "who is responsible for measure 8");
        var activity = JsonSerializer.Deserialize(json.ToJsonString(), ProtocolJson.Default.Activity)!;
        return new TurnContext(activity, null!, activity.Text ?? "");
    }

    /// <summary>A copy of <paramref name="reference"/> with <paramref name="field"/> set to another value.</summary>
    private static ConversationReference Changed(ConversationReference reference, string field)
    {
        var copy = (ConversationReference)typeof(ConversationReference).GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)!.Invoke(reference, null)!;
        var property = typeof(ConversationReference).GetProperty(field)!;
        var value = (string?)property.GetValue(reference);
        property.SetValue(copy, value is null ? "other" : value + "-other");
        return copy;
    }

    private sealed class OneReferenceStore(ConversationReference stored) : IConversationReferenceStore
    {
        public int Upserts { get; private set; }

        public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
        {
            Upserts++;
            return Task.CompletedTask;
        }

        public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
            Task.FromResult<ConversationReference?>(conversationId == stored.ConversationId ? stored : null);

        public Task<ConversationReference?> FindPersonalChatAsync(string userAadObjectId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ConversationReference>> ListTeamChannelsAsync(string teamId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MarkRemovedAsync(string conversationId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MarkTeamRemovedAsync(string teamId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
