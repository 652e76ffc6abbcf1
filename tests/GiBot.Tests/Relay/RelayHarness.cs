using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GiBot.Relay;
using GiBot.Roster;
using GiBot.Storage;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Relay;

/// <summary>
/// A fake connector, the real roster seeded with admins and a member, and bots sharing one SQLite file (so a test can "crash"
/// one bot and start another on the same data). The relay channel is configured unless a test says otherwise.
/// </summary>
public sealed class RelayHarness : IAsyncDisposable
{
    public const string TeamId = "19:team-ip@thread.tacv2";
    public const string ChannelId = "19:relay-ip@thread.tacv2";
    public const string AdminAad = "aad-admin";
    public const string AdminChat = "a:admin-chat";
    public const string LeadAad = "aad-lead";
    public const string SubmitterAad = "aad-submitter";

    /// <summary>Staff of 知识产权保护科 who presses 已阅 and 需补充 on relayed updates.</summary>
    public const string ReviewerAad = "aad-reviewer";
    public const string SubmitterChat = "a:submitter-chat";
    public const string Period = "2026-11";

    private readonly List<BotApp> _bots = [];
    private readonly string _database = Path.Combine(Path.GetTempPath(), "gibot-tests", Guid.NewGuid().ToString("N"), "gibot.db");

    private RelayHarness(FakeConnector connector) => Connector = connector;

    public FakeConnector Connector { get; }

    /// <summary>Seeded into the real roster through Roster:People at every start.</summary>
    public static IReadOnlyList<RosterPerson> People { get; } =
    [
        new(AdminAad, "管理员甲", null, [new UnitMembership(RosterDirectory.PlanOffice, RosterRole.Admin)]),
        new(LeadAad, "王科长", null, [new UnitMembership(RosterDirectory.PlanOffice, RosterRole.Admin)]),
        new(SubmitterAad, "李联络员", null, [new UnitMembership("知识产权维权保护中心", RosterRole.Member)]),
        new(ReviewerAad, "赵审阅", null, [new UnitMembership(RosterDirectory.PlanOffice, RosterRole.Member)]),
    ];

    public static async Task<RelayHarness> StartAsync() => new(await FakeConnector.StartAsync());

    /// <summary>Starts a bot on the shared database. Pass <c>configured: false</c> for no channel in appsettings.</summary>
    public BotApp Bot(bool senderEnabled = true, bool configured = true, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Storage:SqlitePath"] = _database,
            ["Relay:SenderEnabled"] = senderEnabled ? "true" : "false",
            ["Relay:PollInterval"] = "00:00:00.050",
            ["Relay:RetryBaseDelay"] = "00:00:00.050",
            ["Relay:RetryMaxDelay"] = "00:00:00.200",
            ["Relay:Leads:0"] = LeadAad,
            ["Connector:Retry:MaxRetryAttempts"] = "1",
            ["Connector:Retry:BaseDelay"] = "00:00:00.010",
            ["Connector:Retry:MaxDelay"] = "00:00:00.050",
        };
        if (configured)
        {
            settings["Relay:TeamId"] = TeamId;
            settings["Relay:ChannelId"] = ChannelId;
            settings["Relay:ServiceUrl"] = Connector.ServiceUrl;
            settings["Relay:TenantId"] = "tenant-1";
            settings["Relay:BotId"] = Activities.BotId;
        }
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        var bot = new BotApp(RosterPeopleSettings.With(settings, People));
        _ = bot.Services; // start it now, so its sender runs
        _bots.Add(bot);
        return bot;
    }

    public static async Task AddPersonalChatsAsync(BotApp bot, string serviceUrl)
    {
        var references = bot.Services.GetRequiredService<IConversationReferenceStore>();
        foreach (var (aad, chat, name) in new[] { (AdminAad, AdminChat, "管理员甲"), (SubmitterAad, SubmitterChat, "李联络员") })
        {
            await references.UpsertAsync(new ConversationReference(chat, ConversationReference.Personal, serviceUrl, "tenant-1", Activities.BotId,
                "29:" + aad, aad, name, null, null, null, DateTimeOffset.UtcNow), CancellationToken.None);
        }
    }

    public static ProgressReport Report(string unit = "知识产权维权保护中心", int measure = 8, bool major = false, string status = "进行中", int? percent = 60) =>
        new(measure, unit, Period, status, percent, $"{unit}开展了地理标志专项检查", "部分商户标识使用不规范", "下月开展回头看",
            major, major ? "发现跨区域假冒地理标志产品线索，需协调公安" : null, "https://example.gov.cn/evidence/8.pdf");

    /// <summary>Stores an update with its relay outbox messages, as the updates feature does.</summary>
    public static async Task<string> SubmitAsync(BotApp bot, ProgressReport report, bool correction = false, bool withdrawsMajorIssue = false)
    {
        var key = Guid.NewGuid().ToString("N");
        var by = new Submitter(SubmitterAad, "李联络员");
        var payload = new RelayUpdatePayload(key, report, by, DateTimeOffset.UtcNow, correction, "zh-CN", withdrawsMajorIssue);
        var result = await bot.Services.GetRequiredService<IProgressUpdateStore>().SubmitAsync(report, by, key, RelayOutboxMessages.For(payload), CancellationToken.None);
        Assert.Equal(SubmitOutcome.Created, result.Outcome);
        return key;
    }

    /// <summary>Waits until no outbox message is pending.</summary>
    public static async Task DrainAsync(BotApp bot, TimeSpan? timeout = null)
    {
        var outbox = bot.Services.GetRequiredService<IRelayOutbox>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (await outbox.CountPendingAsync(CancellationToken.None) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The relay outbox was not drained in time.");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until the connector received at least <paramref name="count"/> calls matching.</summary>
    public async Task<IReadOnlyList<FakeConnector.Call>> WaitForAsync(Func<RelayHarness, IReadOnlyList<FakeConnector.Call>> calls, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (calls(this).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} matching connector calls; got: {string.Join(", ", Connector.Sent.Select(c => c.Method + " " + c.Path))}");
            await Task.Delay(25);
        }
        return calls(this);
    }

    public static async Task<OutboxMessage> MessageAsync(BotApp bot, string kind, string submissionKey)
    {
        var outbox = bot.Services.GetRequiredService<IRelayOutbox>();
        for (long id = 1; id < 100; id++)
        {
            if (await outbox.GetAsync(id, CancellationToken.None) is { } message && message.DedupKey == $"{kind}:{submissionKey}")
            {
                return message;
            }
        }
        throw new InvalidOperationException($"No outbox message {kind}:{submissionKey}.");
    }

    public IReadOnlyList<FakeConnector.Call> ThreadStarts => Connector.Sent.Where(c => c.Method == "POST" && c.Path.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal)).ToArray();

    public IReadOnlyList<FakeConnector.Call> Replies => Connector.Sent.Where(c => c.Method == "POST" && c.Path.Contains(";messageid=", StringComparison.Ordinal)).ToArray();

    public IReadOnlyList<FakeConnector.Call> RootUpdates => Connector.Sent.Where(c => c.Method == "PUT").ToArray();

    public IReadOnlyList<FakeConnector.Call> ChatMessages(string conversationId) =>
        Connector.Sent.Where(c => c.Method == "POST" && c.Path == $"/v3/conversations/{conversationId}/activities").ToArray();

    /// <summary>The bot's answers in a chat (replies to an incoming message).</summary>
    public IReadOnlyList<FakeConnector.Call> RepliesIn(string conversationId) =>
        Connector.Sent.Where(c => c.Method == "POST" && c.Path.StartsWith($"/v3/conversations/{conversationId}/activities/", StringComparison.Ordinal)).ToArray();

    public static JsonObject CardOf(JsonNode? activity) => activity!["attachments"]![0]!["content"]!.AsObject();

    /// <summary>The JSON as a reader sees it: Chinese and markup unescaped.</summary>
    public static string Text(JsonNode node) => node.ToJsonString(Readable);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }
        await Connector.DisposeAsync();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_database)!, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned with the others.
        }
    }
}
