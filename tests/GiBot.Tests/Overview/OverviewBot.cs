using System.Net;
using System.Text.Json.Nodes;
using GiBot.Storage;
using GiBot.Tests.Cards;
using GiBot.Tests.Infrastructure;
using GiBot.Tests.Roster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Overview;

/// <summary>
/// The real bot (own SQLite file, real roster seeded from settings) with a fixed clock: Friday 2026-11-20 10:00
/// Beijing time, three working days before the November period's deadline (Wednesday 11-25 17:00).
/// Every card it sends is checked against the Adaptive Cards schema and Teams' size limit.
/// </summary>
public sealed class OverviewBot : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    public const int CardLimitBytes = 28 * 1024;

    public static TeamsUser Head { get; } = new("29:head", "00000000-0000-0000-0000-0000000000e1", "赵科长", "a:head-chat");

    private OverviewBot(FakeConnector connector, FakeTimeProvider time, Dictionary<string, string?> settings)
    {
        Connector = connector;
        Time = time;
        var all = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Roster:People:0:AadObjectId"] = TeamsUser.Admin.Aad,
            ["Roster:People:0:Name"] = TeamsUser.Admin.Name,
            ["Roster:People:0:Units:0"] = "知识产权保护科",
            ["Roster:People:0:Role"] = "admin",
            ["Roster:People:1:AadObjectId"] = TeamsUser.Liaison.Aad,
            ["Roster:People:1:Name"] = TeamsUser.Liaison.Name,
            ["Roster:People:1:Units:0"] = "执法稽查科",
            ["Roster:People:1:Role"] = "liaison",
            ["Roster:People:2:AadObjectId"] = Head.Aad,
            ["Roster:People:2:Name"] = Head.Name,
            ["Roster:People:2:Units:0"] = "执法稽查科",
            ["Roster:People:2:Role"] = "head",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        App = new BotApp(all, services => services.AddSingleton<TimeProvider>(time));
        App.CreateClient().Dispose();
    }

    public BotApp App { get; }

    public FakeConnector Connector { get; }

    public FakeTimeProvider Time { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<OverviewBot> StartAsync(Dictionary<string, string?>? settings = null, DateTimeOffset? at = null) =>
        new(await FakeConnector.StartAsync(), new FakeTimeProvider(at ?? Start), settings ?? []);

    /// <summary>Stores an update as the liaison would submit it, at the bot's current (fake) time.</summary>
    public async Task ReportAsync(int measure, string unit, string period, string status, int? percent, bool major = false, string progress = "按计划推进", string by = "李联络")
    {
        var report = new ProgressReport(measure, unit, period, status, percent, progress, major ? "人手不足" : null, "继续推进", major, major ? "需协调执法力量" : null, null);
        var result = await Get<IProgressUpdateStore>().SubmitAsync(report, new Submitter(TeamsUser.Liaison.Aad, by), Guid.NewGuid().ToString("N"), [], CancellationToken.None);
        Assert.Equal(SubmitOutcome.Created, result.Outcome);
    }

    public async Task<(string Text, JsonObject? Card)> AskAsync(TeamsUser user, string text) =>
        Checked(await SendAsync(Message(user, text)));

    /// <summary>Presses a button (Action.Submit) with <paramref name="data"/> plus typed inputs.</summary>
    public async Task<(string Text, JsonObject? Card)> PressAsync(TeamsUser user, JsonObject data, Dictionary<string, string>? inputs = null)
    {
        var value = (JsonObject)data.DeepClone();
        foreach (var (key, input) in inputs ?? [])
        {
            value[key] = input;
        }
        var activity = Message(user, "");
        activity.Remove("text");
        activity["value"] = value;
        activity["replyToId"] = "overview-card";
        return Checked(await SendAsync(activity));
    }

    public JsonObject Message(TeamsUser user, string text)
    {
        var activity = Activities.Message(Connector.ServiceUrl, text, conversationId: user.Conversation);
        activity["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.Aad };
        if (text.Length > 0 && text.All(c => c < 128))
        {
            activity["locale"] = "en-US";
        }
        return activity;
    }

    private async Task<FakeConnector.Call> SendAsync(JsonObject activity)
    {
        var before = Connector.Sent.Count;
        var response = await App.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Connector.WaitForSentAsync(before + 1)).Skip(before).Single();
    }

    private static (string Text, JsonObject? Card) Checked(FakeConnector.Call call)
    {
        var (text, card) = RosterHarness.Read(call);
        if (card is not null)
        {
            AdaptiveCardSchema.AssertValid(card, "overview card");
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString()) < CardLimitBytes, $"card is {card.ToJsonString().Length} characters");
        }
        return (text, card);
    }

    /// <summary>The URL of the card's Action.OpenUrl button (the signed link).</summary>
    public static string LinkOf(JsonObject card) =>
        card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>();

    /// <summary>Fetches a link the bot gave, through the in-memory server.</summary>
    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var client = App.CreateClient();
        var uri = new Uri(url);
        return await client.GetAsync(uri.PathAndQuery);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
