using System.Net;
using System.Text.Json.Nodes;
using GiBot.Storage;
using GiBot.Storage.Sql;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GiBot.Tests.Storage;

/// <summary>The storage layer as the running bot uses it, through the messages endpoint.</summary>
public sealed class StorageInTheBotTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private FakeConnector _connector = null!;

    private string DatabasePath => _directory.File("bot.db");

    public async ValueTask InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private BotApp Bot(Action<IServiceCollection>? services = null) =>
        new(new() { ["MicrosoftAppId"] = "", ["Storage:SqlitePath"] = DatabasePath }, services);

    [Fact]
    public async Task A_message_stores_the_users_conversation_reference()
    {
        await using var bot = Bot();
        await bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "help"));
        await _connector.WaitForSentAsync(1);

        var reference = await bot.Services.GetRequiredService<IConversationReferenceStore>().FindPersonalChatAsync(Activities.UserAad, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Equal("a:personal-1", reference.ConversationId);
        Assert.Equal(_connector.ServiceUrl, reference.ServiceUrl);
        Assert.Equal("tenant-1", reference.TenantId);
        Assert.Equal(Activities.UserId, reference.UserId);
        Assert.Equal(Activities.BotId, reference.BotId);
        Assert.Equal(ConversationReference.Personal, reference.Kind);
    }

    [Fact]
    public async Task Uninstalling_marks_the_reference_removed()
    {
        await using var bot = Bot();
        await bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "help"));
        await _connector.WaitForSentAsync(1);

        var uninstall = Activities.Message(_connector.ServiceUrl, "");
        uninstall["type"] = "installationUpdate";
        uninstall["action"] = "remove";
        uninstall.Remove("text");
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(uninstall)).StatusCode);

        var store = bot.Services.GetRequiredService<IConversationReferenceStore>();
        Assert.Null(await store.FindPersonalChatAsync(Activities.UserAad, CancellationToken.None));
        Assert.True((await store.GetAsync("a:personal-1", CancellationToken.None))!.IsRemoved);
    }

    private JsonObject ChannelActivity(string text, string conversationId = "19:ip@thread.tacv2;messageid=1700000000000")
    {
        var message = Activities.Message(_connector.ServiceUrl, text, conversationId: conversationId, conversationType: "channel");
        message["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = "tenant-1" },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2", ["name"] = "市场监管局" },
            ["channel"] = new JsonObject { ["id"] = "19:ip@thread.tacv2", ["name"] = "知识产权保护科" },
        };
        return message;
    }

    [Fact]
    public async Task Removing_the_bot_from_a_team_marks_its_channels_removed()
    {
        await using var bot = Bot();
        await bot.PostActivityAsync(ChannelActivity("help"));
        var store = bot.Services.GetRequiredService<IConversationReferenceStore>();
        Assert.Single(await store.ListTeamChannelsAsync("19:team@thread.tacv2", CancellationToken.None));

        var removed = ChannelActivity("", conversationId: "19:team@thread.tacv2");
        removed["type"] = "conversationUpdate";
        removed.Remove("text");
        removed["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId });
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(removed)).StatusCode);

        Assert.Empty(await store.ListTeamChannelsAsync("19:team@thread.tacv2", CancellationToken.None));
        Assert.True((await store.GetAsync("19:ip@thread.tacv2", CancellationToken.None))!.IsRemoved);
    }

    [Fact]
    public async Task A_channel_thread_reply_is_stored_as_its_channel()
    {
        await using var bot = Bot();
        await bot.PostActivityAsync(ChannelActivity("help"));

        var channel = Assert.Single(await bot.Services.GetRequiredService<IConversationReferenceStore>().ListTeamChannelsAsync("19:team@thread.tacv2", CancellationToken.None));
        Assert.Equal("19:ip@thread.tacv2", channel.ConversationId);
        Assert.Equal("市场监管局", channel.TeamName);
        Assert.Null(channel.UserAadObjectId);
    }

    [Fact]
    public async Task A_repeated_delivery_after_a_restart_is_still_ignored()
    {
        var activity = Activities.Message(_connector.ServiceUrl, "help", id: "restart-dup-1");
        await using (var first = Bot())
        {
            await first.PostActivityAsync(activity);
            await _connector.WaitForSentAsync(1);
        }

        await using var second = Bot();
        Assert.Equal(HttpStatusCode.OK, (await second.PostActivityAsync(activity)).StatusCode);
        // A repeat is answered 200 at once without starting a turn; a new activity is answered after its turn.
        await second.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "help", id: "restart-new-1"));
        var replies = await _connector.WaitForSentAsync(2);
        Assert.Equal(["/v3/conversations/a:personal-1/activities/restart-dup-1", "/v3/conversations/a:personal-1/activities/restart-new-1"], replies.Select(r => r.Path));
    }

    [Fact]
    public async Task Readyz_reports_storage_and_fails_while_it_is_unreachable()
    {
        var flaky = new FlakyDatabase(DatabasePath);
        await using var bot = Bot(services => services.Replace(ServiceDescriptor.Singleton<StorageDatabase>(flaky)));
        using var client = bot.CreateClient();

        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["storage"]!.GetValue<string>());

        flaky.Down = true;
        var down = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("unreachable", JsonNode.Parse(await down.Content.ReadAsStringAsync())!["checks"]!["storage"]!.GetValue<string>());

        flaky.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task While_storage_is_down_the_bot_still_answers_and_handles_a_repeat_once()
    {
        var flaky = new FlakyDatabase(DatabasePath);
        await using var bot = Bot(services => services.Replace(ServiceDescriptor.Singleton<StorageDatabase>(flaky)));
        using (var client = bot.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        }
        flaky.Down = true;

        var activity = Activities.Message(_connector.ServiceUrl, "help", id: "outage-1");
        await bot.PostActivityAsync(activity);
        await bot.PostActivityAsync(activity);

        var reply = Assert.Single(await _connector.WaitForSentAsync(1));
        Assert.Contains("list all measures", reply.Json!["text"]!.GetValue<string>());
        Assert.Single(_connector.Sent);
    }
}
