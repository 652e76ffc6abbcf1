using System.Net;
using System.Text.Json.Nodes;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Roster;

/// <summary>A Teams user in roster tests: their 29: id, aadObjectId, name and 1:1 chat.</summary>
public sealed record TeamsUser(string Id, string Aad, string Name, string Conversation)
{
    public static TeamsUser Admin { get; } = new("29:admin", "00000000-0000-0000-0000-0000000000ad", "王管理", "a:admin-chat");
    public static TeamsUser Liaison { get; } = new("29:liaison", "00000000-0000-0000-0000-00000000001a", "李联络", "a:liaison-chat");
    public static TeamsUser Stranger { get; } = new("29:stranger", "00000000-0000-0000-0000-0000000000cc", "陌生人", "a:stranger-chat");
}

/// <summary>The real bot with a fake connector, people seeded through Roster:People settings.</summary>
public sealed class RosterHarness : IAsyncDisposable
{
    private RosterHarness(FakeConnector connector, BotApp bot)
    {
        Connector = connector;
        Bot = bot;
    }

    public FakeConnector Connector { get; }

    public BotApp Bot { get; }

    public T Get<T>() where T : notnull => Bot.Services.GetRequiredService<T>();

    /// <summary>Starts a bot with the admin (知识产权保护科) and the liaison (执法稽查科) seeded, plus any extra settings.</summary>
    public static async Task<RosterHarness> StartAsync(Dictionary<string, string?>? extra = null, bool seedLiaison = true)
    {
        var connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Roster:People:0:AadObjectId"] = TeamsUser.Admin.Aad,
            ["Roster:People:0:Name"] = TeamsUser.Admin.Name,
            ["Roster:People:0:Units:0"] = "知识产权保护科",
            ["Roster:People:0:Role"] = "admin",
        };
        if (seedLiaison)
        {
            settings["Roster:People:1:AadObjectId"] = TeamsUser.Liaison.Aad;
            settings["Roster:People:1:Name"] = TeamsUser.Liaison.Name;
            settings["Roster:People:1:Units:0"] = "执法稽查科";
            settings["Roster:People:1:Role"] = "liaison";
        }
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        var bot = new BotApp(settings);
        try
        {
            bot.CreateClient().Dispose();
        }
        catch
        {
            await bot.DisposeAsync();
            await connector.DisposeAsync();
            throw;
        }
        return new RosterHarness(connector, bot);
    }

    public JsonObject Message(TeamsUser user, string text, string? conversation = null, string conversationType = "personal")
    {
        var activity = Activities.Message(Connector.ServiceUrl, text, conversationId: conversation ?? user.Conversation, conversationType: conversationType);
        activity["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.Aad };
        if (text.StartsWith("I ", StringComparison.Ordinal) || text.All(c => c < 128))
        {
            activity["locale"] = "en-US";
        }
        return activity;
    }

    /// <summary>A card button press (Action.Submit) on the bot's message <paramref name="cardActivityId"/>.</summary>
    public JsonObject Press(TeamsUser user, JsonObject data, string cardActivityId, string? conversation = null)
    {
        var activity = Message(user, "", conversation);
        activity.Remove("text");
        activity["value"] = data.DeepClone();
        activity["replyToId"] = cardActivityId;
        return activity;
    }

    /// <summary>Posts the activity and returns the <paramref name="expected"/> connector calls it caused.</summary>
    public async Task<IReadOnlyList<FakeConnector.Call>> SendAsync(JsonObject activity, int expected = 1)
    {
        var before = Connector.Sent.Count;
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await Connector.WaitForSentAsync(before + expected);
        return sent.Skip(before).ToArray();
    }

    /// <summary>Says something and returns the one reply's text and card (null when text only).</summary>
    public async Task<(string Text, JsonObject? Card)> AskAsync(TeamsUser user, string text, string? conversation = null)
    {
        var call = Assert.Single(await SendAsync(Message(user, text, conversation)));
        return Read(call);
    }

    public static (string Text, JsonObject? Card) Read(FakeConnector.Call call)
    {
        var json = call.Json!;
        var card = json["attachments"]?.AsArray().FirstOrDefault()?["content"]?.AsObject();
        return (json["text"]?.GetValue<string>() ?? "", card);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
