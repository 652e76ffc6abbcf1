using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GiBot.Tests.Auth;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.NativeAot;

/// <summary>
/// The Native AOT executable as a child process with authentication on: channel metadata, keys and the
/// token endpoint on a <see cref="FakeCloud"/> trusted through <c>SSL_CERT_FILE</c>, replies to a
/// <see cref="FakeConnector"/>, every other host refused by a <see cref="RecordingProxy"/>. A liaison of
/// 执法稽查科 and an admin of 知识产权保护科 are on the roster; updates are relayed to a channel on the connector.
/// </summary>
public sealed class NativeBot : IAsyncDisposable
{
    public const string AppPassword = "native-client-secret";
    public const string RelayTeam = "19:native-team@thread.tacv2";
    public const string RelayChannel = "19:native-relay@thread.tacv2";

    public static readonly Person Liaison = new("00000000-0000-0000-0000-0000000a1a15", "李联络", "a:native-liaison");
    public static readonly Person Admin = new("00000000-0000-0000-0000-0000000ad314", "王管理", "a:native-admin");

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private NativeBot(TestPki pki, FakeCloud cloud, FakeConnector connector, RecordingProxy proxy, string databasePath)
    {
        Pki = pki;
        Cloud = cloud;
        Connector = connector;
        Proxy = proxy;
        DatabasePath = databasePath;
    }

    public sealed record Person(string Aad, string Name, string Conversation);

    public TestPki Pki { get; }

    public FakeCloud Cloud { get; }

    public FakeConnector Connector { get; }

    public RecordingProxy Proxy { get; }

    public BotProcess Bot { get; private set; } = null!;

    /// <summary>The SQLite file (unused when PostgreSQL is configured).</summary>
    public string DatabasePath { get; }

    /// <summary>Published, endorsed for <c>msteams</c>.</summary>
    public ChannelKey TeamsKey { get; } = new("native-teams-key", "msteams");

    /// <summary>Never published: what a forger would sign with.</summary>
    public ChannelKey ForgerKey { get; } = new("native-forger-key", "msteams");

    /// <summary>Starts the fakes and the native bot; <paramref name="extra"/> adds or overrides environment.</summary>
    public static async Task<NativeBot> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var executable = await NativeAotBinary.GetAsync();
        var pki = TestPki.Create();
        var cloud = await FakeCloud.StartAsync(pki);
        var connector = await FakeConnector.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), "gibot-tests", Guid.NewGuid().ToString("N"), "gibot.db");
        var bot = new NativeBot(pki, cloud, connector, new RecordingProxy(), database);
        cloud.Publish(bot.TeamsKey);
        var environment = new Dictionary<string, string?>(cloud.BotEnvironment(ChannelTokens.AppId, AppPassword))
        {
            ["SSL_CERT_DIR"] = null,
            ["HTTPS_PROXY"] = bot.Proxy.Url,
            ["HTTP_PROXY"] = null,
            ["NO_PROXY"] = "127.0.0.1,localhost",
            ["Storage__SqlitePath"] = database,
            ["Relay__TeamId"] = RelayTeam,
            ["Relay__ChannelId"] = RelayChannel,
            ["Relay__ServiceUrl"] = connector.ServiceUrl,
            ["Relay__TenantId"] = "tenant-1",
            ["Relay__BotId"] = Activities.BotId,
            ["Relay__PollInterval"] = "00:00:00.200",
            ["Roster__People__0__AadObjectId"] = Liaison.Aad,
            ["Roster__People__0__Name"] = Liaison.Name,
            ["Roster__People__0__Units__0"] = "执法稽查科",
            ["Roster__People__0__Role"] = "liaison",
            ["Roster__People__1__AadObjectId"] = Admin.Aad,
            ["Roster__People__1__Name"] = Admin.Name,
            ["Roster__People__1__Units__0"] = "知识产权保护科",
            ["Roster__People__1__Role"] = "admin",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }
        try
        {
            bot.Bot = await BotProcess.StartAsync(environment, executable: executable);
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
        return bot;
    }

    public string ValidToken() => ChannelTokens.Create(TeamsKey, Connector.ServiceUrl);

    /// <summary>A message from <paramref name="person"/> in their personal chat with the bot.</summary>
    public JsonObject Message(Person person, string text, string? id = null) =>
        Activities.PersonalMessage(Connector.ServiceUrl, person.Conversation, person.Aad, person.Name, text, id);

    /// <summary>An Action.Submit press on the card message <paramref name="cardActivityId"/>.</summary>
    public JsonObject Press(Person person, JsonObject data, string cardActivityId) => Activities.Press(Message(person, ""), data, cardActivityId);

    /// <summary>Posts with a valid channel token, or with exactly <paramref name="authorization"/> when given.</summary>
    public async Task<HttpStatusCode> PostAsync(JsonObject activity, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Bot.MessagesUrl)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? "Bearer " + ValidToken());
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    /// <summary>Sends a message and waits for the bot's reply to it.</summary>
    public async Task<JsonObject> AskAsync(Person person, string text)
    {
        var activity = Message(person, text);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(activity));
        return await WaitForAsync(person.Conversation, c => c.Path.EndsWith("/activities/" + activity["id"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    /// <summary>The body of the first connector call in <paramref name="conversation"/> that matches.</summary>
    public async Task<JsonObject> WaitForAsync(string conversation, Func<FakeConnector.Call, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Connector.Sent.FirstOrDefault(c => c.Path.StartsWith($"/v3/conversations/{conversation}/", StringComparison.Ordinal) && match(c)) is { } call)
            {
                return call.Json!.AsObject();
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"No matching call in {conversation}. Bot output:\n{Bot.Output}");
    }

    public static string Text(JsonObject reply) => reply["text"]?.GetValue<string>() ?? "";

    public static JsonObject? Card(JsonObject reply) => reply["attachments"]?.AsArray().FirstOrDefault()?["content"] as JsonObject;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
        await Connector.DisposeAsync();
        await Cloud.DisposeAsync();
        await Proxy.DisposeAsync();
        Pki.Dispose();
        TeamsKey.Dispose();
        ForgerKey.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path.GetDirectoryName(DatabasePath)!, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans temp
        }
    }
}
