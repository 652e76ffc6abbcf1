using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.FaultDrills;

/// <summary>
/// The bot as a real child process (so it can be killed with SIGKILL) in local mode, on a SQLite file
/// that outlives it, relaying to a channel on a <see cref="FakeConnector"/>, with <c>people</c>
/// liaisons of 执法稽查科 (measure 8) on its roster. Relay and connector timings are shortened for the test.
/// </summary>
public sealed class DrillBot(FakeConnector connector, int people, IDictionary<string, string?>? extra = null) : IAsyncDisposable
{
    public const string TeamId = "19:drill-team@thread.tacv2";
    public const string ChannelId = "19:drill-relay@thread.tacv2";
    public const string Unit = "执法稽查科";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "gibot-tests", Guid.NewGuid().ToString("N"), "gibot.db");

    public BotProcess? Process { get; private set; }

    public static string PersonAad(int i) => $"00000000-0000-0000-0000-{i:D12}";

    public static string Chat(int i) => $"a:drill-chat-{i}";

    /// <summary>Starts the bot, or starts it again on the same database after a kill.</summary>
    public async Task StartAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }
        var environment = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Storage__SqlitePath"] = DatabasePath,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Relay__TeamId"] = TeamId,
            ["Relay__ChannelId"] = ChannelId,
            ["Relay__ServiceUrl"] = connector.ServiceUrl,
            ["Relay__TenantId"] = "tenant-1",
            ["Relay__BotId"] = Activities.BotId,
            ["Relay__PollInterval"] = "00:00:00.100",
            // A message claimed by the killed process is free again after this long.
            ["Relay__Lease"] = "00:00:05",
            ["Relay__RetryBaseDelay"] = "00:00:00.200",
            ["Relay__RetryMaxDelay"] = "00:00:01",
            ["Connector__Retry__BaseDelay"] = "00:00:00.050",
            ["Connector__Retry__MaxDelay"] = "00:00:00.500",
            ["Connector__Retry__AttemptTimeout"] = "00:00:02",
            ["Connector__Retry__TotalTimeout"] = "00:00:04",
        };
        // All 200 updates of measure 8 go into one thread; Teams' per-conversation limit (60 per 30 s)
        // would make the drill last minutes. The drill is about crashes, not limits.
        for (var window = 0; window < 4; window++)
        {
            environment[$"Connector__RateLimits__PerConversation__{window}__PermitLimit"] = "1000000";
        }
        environment["Connector__RateLimits__Global__0__PermitLimit"] = "1000000";
        for (var i = 0; i < people; i++)
        {
            environment[$"Roster__People__{i}__AadObjectId"] = PersonAad(i);
            environment[$"Roster__People__{i}__Name"] = $"联络员{i}";
            environment[$"Roster__People__{i}__Units__0"] = Unit;
            environment[$"Roster__People__{i}__Role"] = "liaison";
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }
        Process = await BotProcess.StartAsync(environment);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush.</summary>
    public Task KillAsync() => Process!.KillAsync();

    public JsonObject Message(int person, string text) =>
        Activities.PersonalMessage(connector.ServiceUrl, Chat(person), PersonAad(person), $"联络员{person}", text);

    /// <summary>An Action.Submit press: a message activity carrying the button's data and the inputs.</summary>
    public JsonObject Press(int person, JsonObject data, string cardActivityId) => Activities.Press(Message(person, ""), data, cardActivityId);

    /// <summary>The HTTP status, or null when no answer came (connection refused or reset, timeout).</summary>
    public async Task<HttpStatusCode?> PostAsync(JsonObject activity, CancellationToken cancellationToken = default)
    {
        try
        {
            using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await Http.PostAsync(Process!.MessagesUrl, content, cancellationToken);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }
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
