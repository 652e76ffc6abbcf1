using System.Text.Json.Nodes;
using GiBot.Reminders.Sending;
using GiBot.Roster;
using GiBot.Storage;
using GiBot.Tests.Cards;
using GiBot.Tests.Connector;
using GiBot.Tests.Infrastructure;
using GiBot.Tests.Updates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Reminders;

/// <summary>The people reminded in these tests. 执法稽查科 and 反不正当竞争科 both own measure 8.</summary>
public static class Staff
{
    public static readonly Person Liaison = People.Inspector;

    public static readonly Person Head = new("00000000-0000-0000-0000-0000000000a7", "稽查科科长", new UnitMembership("执法稽查科", RosterRole.Head));

    /// <summary>Never talks to the bot, so it cannot reach them.</summary>
    public static readonly Person Unreachable = new("00000000-0000-0000-0000-0000000000a8", "竞争科联络员", new UnitMembership("反不正当竞争科", RosterRole.Liaison));

    public static readonly Person Admin = People.Admin;

    public static readonly Person Member = People.CompetitionMember;

    public static IReadOnlyList<Person> All { get; } = [Liaison, Head, Unreachable, Admin, Member];
}

/// <summary>
/// The real bot with a test roster, a fake clock and a fake Teams connector. Passes of the scheduler are run
/// explicitly (<see cref="PassAsync"/>); its background loop is off so a test decides when time moves.
/// Every person talks from their own 1:1 conversation (<c>a:&lt;aad&gt;</c>).
/// </summary>
public sealed class ReminderBot : IAsyncDisposable
{
    public const string ChannelId = "19:ipp-section@thread.tacv2";

    private readonly bool _ownsConnector;

    private ReminderBot(FakeConnector connector, bool ownsConnector, FakeTimeProvider time, Dictionary<string, string?> settings)
    {
        Connector = connector;
        _ownsConnector = ownsConnector;
        Time = time;
        Settings = settings;
        App = new BotApp(RosterPeopleSettings.With(settings, Staff.All.Select(p => p.ToRoster())), services => services.AddSingleton<TimeProvider>(time).AddSingleton<ILoggerProvider>(Logs));
    }

    public BotApp App { get; }

    /// <summary>Every line this instance logged, to assert what operators will see.</summary>
    internal LogSink Logs { get; } = new();

    public FakeConnector Connector { get; }

    public FakeTimeProvider Time { get; }

    public Dictionary<string, string?> Settings { get; }

    public IReminderStore Reminders => App.Services.GetRequiredService<IReminderStore>();

    public static async Task<ReminderBot> StartAsync(DateTimeOffset now, Dictionary<string, string?>? settings = null)
    {
        var connector = await FakeConnector.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Storage:SqlitePath"] = UpdateBot.NewDatabasePath(),
            ["Reminders:Enabled"] = "false",
            ["Relay:ChannelId"] = ChannelId,
            ["Relay:ServiceUrl"] = connector.ServiceUrl,
            ["Relay:TenantId"] = "tenant-1",
            ["Relay:BotId"] = "28:gibot",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        return new ReminderBot(connector, true, new FakeTimeProvider(now), all);
    }

    /// <summary>Another instance on the same database, connector and clock.</summary>
    public ReminderBot SecondInstance() => new(Connector, false, Time, Settings);

    public static string Conversation(Person who) => "a:" + who.AadObjectId;

    /// <summary>A message from <paramref name="who"/> in their own chat; the bot then knows how to reach them.</summary>
    public async Task<string?> SayAsync(string text, Person who)
    {
        var before = Connector.Sent.Count;
        var response = await App.PostActivityAsync(Activity(who, text, null));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var sent = await Connector.WaitForSentAsync(before + 1);
        return sent.Skip(before).Last().Json?["text"]?.GetValue<string>();
    }

    /// <summary>Each of <paramref name="people"/> says 你好 in their own chat, so the bot can reach them all.</summary>
    public async Task GreetAsync(params Person[] people)
    {
        foreach (var who in people)
        {
            await SayAsync("你好", who);
        }
    }

    /// <summary>Presses a button of a sent card (Action.Submit) and returns the text (or card text) answered.</summary>
    public async Task<string> PressAsync(JsonObject data, Person who)
    {
        var before = Connector.Sent.Count;
        var response = await App.PostActivityAsync(Activity(who, null, data));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var call = (await Connector.WaitForSentAsync(before + 1)).Skip(before).Last();
        var card = call.Json?["attachments"]?.AsArray().FirstOrDefault()?["content"]?.AsObject();
        return call.Json?["text"]?.GetValue<string>() ?? (card is null ? "" : CardJson.Text(card));
    }

    public Task<int> PassAsync() => App.Services.GetRequiredService<ReminderScheduler>().RunOnceAsync(TestContext.Current.CancellationToken);

    /// <summary>Moves the clock to a Beijing time (yyyy-MM-dd HH:mm) and runs one scheduler pass.</summary>
    public Task<int> PassAtAsync(string beijing)
    {
        Time.SetUtcNow(Beijing(beijing));
        return PassAsync();
    }

    public static DateTimeOffset Beijing(string local) =>
        DateTimeOffset.ParseExact(local + " +08:00", "yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

    /// <summary>The reminder digests sent to a person so far (one card per rung), each checked against the Adaptive Cards schema.</summary>
    public IReadOnlyList<JsonObject> DigestsTo(Person who) => Connector.Sent
        .Where(c => c.Method == "POST" && c.Path.Contains(Conversation(who), StringComparison.Ordinal))
        .Select(c => c.Json?["attachments"]?.AsArray().FirstOrDefault()?["content"]?.AsObject())
        .OfType<JsonObject>()
        .Where(card => card["body"]?[0]?["id"]?.GetValue<string>() == "reminder-digest")
        .Select(card =>
        {
            AdaptiveCardSchema.AssertValid(card, "reminder digest");
            return card;
        })
        .ToArray();

    /// <summary>
    /// The measures reminded to a person so far, one per row of each digest: the digest card narrowed to that row (its
    /// heading, introduction and notes kept), so a test reads and presses one measure's reminder as it would a card.
    /// </summary>
    public IReadOnlyList<JsonObject> RemindersTo(Person who) => DigestsTo(who).SelectMany(Rows).ToArray();

    /// <summary>The rows of a digest, each as the card narrowed to it.</summary>
    public static IEnumerable<JsonObject> Rows(JsonObject digest)
    {
        var body = digest["body"]!.AsArray();
        foreach (var row in body.Where(IsRow))
        {
            var narrowed = (JsonObject)digest.DeepClone();
            narrowed["body"] = new JsonArray(body.Where(e => e == row || !IsRow(e)).Select(e => e!.DeepClone()).ToArray());
            yield return narrowed;
        }
    }

    private static bool IsRow(JsonNode? element) => element?["type"]?.GetValue<string>() == "Container";

    /// <summary>Texts posted as new threads in the IP Protection Section channel.</summary>
    public IReadOnlyList<string> ChannelPosts() => Connector.Sent
        .Where(c => c.Method == "POST" && c.Json?["channelData"]?["channel"]?["id"]?.GetValue<string>() == ChannelId)
        .Select(c => c.Json?["activity"]?["text"]?.GetValue<string>() ?? c.Json?["text"]?.GetValue<string>() ?? "")
        .ToArray();

    /// <summary>Texts sent to a person's chat that are not reminder cards (e.g. notices to admins).</summary>
    public IReadOnlyList<string> TextsTo(Person who) => Connector.Sent
        .Where(c => c.Method == "POST" && c.Path.Contains(Conversation(who), StringComparison.Ordinal))
        .Select(c => c.Json?["text"]?.GetValue<string>() ?? "")
        .ToArray();

    public static JsonObject Data(JsonObject card, string verb) =>
        (JsonObject)Actions(card).First(a => a["data"]?["verb"]?.GetValue<string>() == verb)["data"]!.DeepClone();

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject obj => (obj["type"]?.GetValue<string>() == "Action.Submit" ? [obj] : Array.Empty<JsonObject>()).Concat(obj.SelectMany(p => Actions(p.Value))),
        JsonArray array => array.SelectMany(Actions),
        _ => [],
    };

    private JsonObject Activity(Person who, string? text, JsonObject? value)
    {
        var activity = Activities.Message(Connector.ServiceUrl, text ?? "", conversationId: Conversation(who));
        activity["from"] = new JsonObject { ["id"] = who.TeamsId, ["name"] = who.Name, ["aadObjectId"] = who.AadObjectId };
        if (value is not null)
        {
            activity.Remove("text");
            activity["value"] = value;
            activity["replyToId"] = "reminder-card";
        }
        return activity;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_ownsConnector)
        {
            await Connector.DisposeAsync();
        }
    }
}
