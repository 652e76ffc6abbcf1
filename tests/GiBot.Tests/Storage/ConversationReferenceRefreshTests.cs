using GiBot.Storage;
using GiBot.Storage.Sql;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GiBot.Tests.Storage;

/// <summary>
/// The conversation-reference refresh every activity makes: nothing is written while nothing changed,
/// and a changed serviceUrl, name or written language is stored on the next activity.
/// </summary>
public sealed class ConversationReferenceRefreshTests : IAsyncLifetime
{
    private const string Conversation = "a:personal-refresh";

    private readonly TempDirectory _directory = new();
    private readonly CountingStore _counting = new();
    private FakeConnector _connector = null!;
    private BotApp _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new(new() { ["MicrosoftAppId"] = "", ["Storage:SqlitePath"] = _directory.File("bot.db") }, services =>
            services.Replace(ServiceDescriptor.Singleton<IConversationReferenceStore>(sp =>
                _counting.Wrap(ActivatorUtilities.CreateInstance<SqlConversationReferenceStore>(sp)))));
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private async Task<ConversationReference> SendAsync(string text, string name = "王芳", string? serviceUrl = null)
    {
        await _bot.PostActivityAsync(Activities.PersonalMessage(serviceUrl ?? _connector.ServiceUrl, Conversation, "aad-refresh", name, text));
        return (await _bot.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(Conversation, CancellationToken.None))!;
    }

    [Fact]
    public async Task Repeated_activities_with_nothing_new_write_once()
    {
        await SendAsync("第8项谁负责");
        await SendAsync("第9项谁负责");
        await SendAsync("8");

        Assert.Equal(1, _counting.Upserts);
    }

    [Fact]
    public async Task A_changed_service_url_is_stored()
    {
        await SendAsync("第8项谁负责");
        var moved = _connector.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        Assert.NotEqual(_connector.ServiceUrl, moved);

        var reference = await SendAsync("第8项谁负责", serviceUrl: moved);

        Assert.Equal(moved, reference.ServiceUrl);
        Assert.Equal(2, _counting.Upserts);
    }

    [Fact]
    public async Task A_changed_name_is_stored()
    {
        await SendAsync("第8项谁负责");

        var reference = await SendAsync("第8项谁负责", name: "王芳（法规科）");

        Assert.Equal("王芳（法规科）", reference.UserName);
        Assert.Equal(2, _counting.Upserts);
    }

    [Fact]
    public async Task The_written_language_is_stored_when_it_changes_and_kept_when_a_message_does_not_tell()
    {
        Assert.Equal("zh-CN", (await SendAsync("第8项谁负责")).Language);
        Assert.Equal("en-US", (await SendAsync("who is responsible for measure 8")).Language);
        Assert.Equal("en-US", (await SendAsync("8")).Language);
        Assert.Equal(2, _counting.Upserts);
        Assert.Equal("zh-CN", (await SendAsync("谢谢")).Language);
        Assert.Equal(3, _counting.Upserts);
    }

    [Fact]
    public async Task A_removed_conversation_is_restored_by_its_next_activity()
    {
        await SendAsync("第8项谁负责");
        await _bot.Services.GetRequiredService<IConversationReferenceStore>().MarkRemovedAsync(Conversation, CancellationToken.None);

        var reference = await SendAsync("第8项谁负责");

        Assert.False(reference.IsRemoved);
        Assert.Equal(2, _counting.Upserts);
    }

    /// <summary>Counts upserts on the way to the real store.</summary>
    private sealed class CountingStore
    {
        private int _upserts;

        public int Upserts => Volatile.Read(ref _upserts);

        public IConversationReferenceStore Wrap(IConversationReferenceStore inner) => new Counting(inner, this);

        private sealed class Counting(IConversationReferenceStore inner, CountingStore owner) : IConversationReferenceStore
        {
            public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner._upserts);
                return inner.UpsertAsync(reference, cancellationToken);
            }

            public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) => inner.GetAsync(conversationId, cancellationToken);

            public Task<ConversationReference?> FindPersonalChatAsync(string userAadObjectId, CancellationToken cancellationToken) => inner.FindPersonalChatAsync(userAadObjectId, cancellationToken);

            public Task<IReadOnlyList<ConversationReference>> ListTeamChannelsAsync(string teamId, CancellationToken cancellationToken) => inner.ListTeamChannelsAsync(teamId, cancellationToken);

            public Task MarkRemovedAsync(string conversationId, CancellationToken cancellationToken) => inner.MarkRemovedAsync(conversationId, cancellationToken);

            public Task MarkTeamRemovedAsync(string teamId, CancellationToken cancellationToken) => inner.MarkTeamRemovedAsync(teamId, cancellationToken);
        }
    }
}
