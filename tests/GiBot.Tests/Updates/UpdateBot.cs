using System.Net;
using System.Text.Json.Nodes;
using GiBot.Storage;
using GiBot.Tests.Cards;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Updates;

/// <summary>What the bot answered to one activity: the text and card it sent, replaced in place, or returned to an invoke.</summary>
public sealed record BotAnswer(string Method, string? Text, JsonObject? Card)
{
    public JsonObject RequireCard() => Card ?? throw new InvalidOperationException($"Expected a card; got {Method} \"{Text}\"");

    public string CardText => Card is null ? "" : CardJson.Text(Card);

    /// <summary>The input with <paramref name="id"/>, or null.</summary>
    public JsonObject? Input(string id) => Find(RequireCard()["body"], n => n["id"]?.GetValue<string>() == id).FirstOrDefault();

    /// <summary>The element right after the input: a red TextBlock when the field has a problem.</summary>
    public JsonObject? AfterInput(string id)
    {
        var body = RequireCard()["body"]!.AsArray();
        var index = body.Select((n, i) => (n, i)).FirstOrDefault(x => x.n?["id"]?.GetValue<string>() == id).i;
        return index + 1 < body.Count && body[index]?["id"]?.GetValue<string>() == id ? body[index + 1] as JsonObject : null;
    }

    /// <summary>The error shown under a field, or null.</summary>
    public string? ErrorUnder(string id) =>
        AfterInput(id) is { } next && next["color"]?.GetValue<string>() == "Attention" ? next["text"]!.GetValue<string>() : null;

    public JsonObject Action(string verb) => RequireCard()["actions"]!.AsArray().OfType<JsonObject>()
        .FirstOrDefault(a => a["data"]?["verb"]?.GetValue<string>() == verb)
        ?? throw new InvalidOperationException($"No {verb} button in {Card!.ToJsonString()}");

    public bool HasAction(string verb) => Card?["actions"]?.AsArray().OfType<JsonObject>().Any(a => a["data"]?["verb"]?.GetValue<string>() == verb) == true;

    private static IEnumerable<JsonObject> Find(JsonNode? node, Func<JsonObject, bool> match)
    {
        switch (node)
        {
            case JsonObject obj:
                if (match(obj))
                {
                    yield return obj;
                }
                foreach (var (_, child) in obj)
                {
                    foreach (var found in Find(child, match))
                    {
                        yield return found;
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var found in Find(child, match))
                    {
                        yield return found;
                    }
                }
                break;
        }
    }
}

/// <summary>
/// The real bot with the test people seeded into the real roster and a fixed clock, spoken to through POST /api/messages. Every card
/// it sends, replaces or returns is checked against the Adaptive Cards 1.5 schema.
/// </summary>
public sealed class UpdateBot : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeConnector _connector;
    private readonly bool _ownsConnector;

    private UpdateBot(FakeConnector connector, bool ownsConnector, FakeTimeProvider time, string databasePath, IEnumerable<Person> people, Dictionary<string, string?>? settings)
    {
        _connector = connector;
        _ownsConnector = ownsConnector;
        Time = time;
        DatabasePath = databasePath;
        var all = new Dictionary<string, string?> { ["MicrosoftAppId"] = "", ["Storage:SqlitePath"] = databasePath };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        App = new BotApp(RosterPeopleSettings.With(all, people.Select(p => p.ToRoster())), services => services.AddSingleton<TimeProvider>(time));
    }

    public BotApp App { get; }

    public FakeTimeProvider Time { get; }

    public string DatabasePath { get; }

    public FakeConnector Connector => _connector;

    public IProgressUpdateStore Updates => App.Services.GetRequiredService<IProgressUpdateStore>();

    /// <summary>
    /// Starts a bot whose roster is seeded with <see cref="People.OnRoster"/> plus <paramref name="alsoOnRoster"/>
    /// through Roster:People, on a new database unless <paramref name="databasePath"/> names one.
    /// </summary>
    public static async Task<UpdateBot> StartAsync(Dictionary<string, string?>? settings = null, string? databasePath = null, params Person[] alsoOnRoster) =>
        new(await FakeConnector.StartAsync(), true, new FakeTimeProvider(Start), databasePath ?? NewDatabasePath(), People.OnRoster.Concat(alsoOnRoster), settings);

    /// <summary>A new bot on the same database and connector, as after a restart.</summary>
    public UpdateBot Restarted() => new(_connector, false, Time, DatabasePath, People.OnRoster, null);

    /// <summary>Another bot instance beside this one (same database and connector), as behind a load balancer.</summary>
    public UpdateBot SecondInstance(Dictionary<string, string?>? settings) => new(_connector, false, Time, DatabasePath, People.OnRoster, settings);

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "gibot-tests", Guid.NewGuid().ToString("N"), "gibot.db");

    public Task<BotAnswer> SayAsync(string text, Person? who = null) => SendAsync(Message(text, who ?? People.Inspector));

    /// <summary>Presses a button of <paramref name="card"/> with the inputs typed, as Action.Submit (a message) or Action.Execute (an invoke).</summary>
    public Task<BotAnswer> PressAsync(BotAnswer card, string verb, Dictionary<string, string?>? inputs = null, Person? who = null, bool execute = false)
    {
        var data = (JsonObject)card.Action(verb)["data"]!.DeepClone();
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value;
        }
        return PressDataAsync(data, who, execute);
    }

    public async Task<BotAnswer> PressDataAsync(JsonObject data, Person? who = null, bool execute = false)
    {
        var activity = Message("", who ?? People.Inspector);
        activity.Remove("text");
        if (execute)
        {
            activity["type"] = "invoke";
            activity["name"] = "adaptiveCard/action";
            var verb = data["verb"]!.GetValue<string>();
            activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        }
        else
        {
            activity["value"] = data;
            activity["replyToId"] = "card-activity";
        }
        return await SendAsync(activity);
    }

    public JsonObject Message(string text, Person who)
    {
        var activity = Activities.Message(_connector.ServiceUrl, text);
        activity["from"] = new JsonObject { ["id"] = who.TeamsId, ["name"] = who.Name, ["aadObjectId"] = who.AadObjectId };
        return activity;
    }

    public async Task<BotAnswer> SendAsync(JsonObject activity)
    {
        var before = _connector.Sent.Count;
        var response = await App.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (activity["type"]!.GetValue<string>() == "invoke")
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var sentText = _connector.Sent.Skip(before).Select(c => c.Json?["text"]?.GetValue<string>()).LastOrDefault(t => t is not null);
            if (body["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive")
            {
                return Checked(new BotAnswer("invoke", sentText, body["value"]!.AsObject()));
            }
            return new BotAnswer("invoke", sentText ?? body["value"]?.ToString(), null);
        }
        var sent = await _connector.WaitForSentAsync(before + 1);
        var call = sent.Skip(before).Last();
        var card = call.Json!["attachments"]?.AsArray().FirstOrDefault()?["content"]?.AsObject();
        // A replacement (PUT) carries only the card; the text of a reply is in the same activity.
        return Checked(new BotAnswer(call.Method, call.Json!["text"]?.GetValue<string>(), card));
    }

    private static BotAnswer Checked(BotAnswer answer)
    {
        if (answer.Card is { } card)
        {
            AdaptiveCardSchema.AssertValid(card, $"update card ({answer.Method})");
        }
        return answer;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_ownsConnector)
        {
            await _connector.DisposeAsync();
        }
    }
}
