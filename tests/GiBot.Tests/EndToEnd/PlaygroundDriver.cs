using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GiBot.Tests.EndToEnd;

/// <summary>
/// Drives a Microsoft 365 Agents Playground (the local Teams) against a bot: starts it as a child
/// process with the repository's mock tenant, acts as the Teams user through its HTTP API, and
/// watches what the bot posts through its conversation and log websockets.
/// One playground broadcasts to every client, so run one scenario at a time per instance and use
/// <c>since</c> positions to look only at frames caused by the current step.
/// </summary>
public sealed partial class PlaygroundDriver : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;
    private readonly DirectoryInfo _workDirectory;

    private PlaygroundDriver(Process process, DirectoryInfo workDirectory, int requestedPort)
    {
        _process = process;
        _workDirectory = workDirectory;
        Port = requestedPort;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The port the playground listens on (it picks another if the requested one was taken).</summary>
    public int Port { get; private set; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>The browser UI, for a person watching a run.</summary>
    public string UiUrl => $"http://localhost:{Port}";

    public string LogFilePath => Path.Combine(_workDirectory.FullName, "m365agentsplayground.log");

    public PlaygroundTenant Tenant { get; private set; } = null!;

    /// <summary>Messages shown in the chats the current user is in (bot replies and proactive posts).</summary>
    public WebSocketFeed<PlaygroundFrame> Conversation { get; private set; } = null!;

    /// <summary>The log panel: every playground↔bot HTTP exchange, including messages to chats the current user cannot see.</summary>
    public WebSocketFeed<PlaygroundLogEntry> Log { get; private set; } = null!;

    /// <summary>Starts the playground against <paramref name="botMessagesUrl"/> and connects to its streams.</summary>
    public static async Task<PlaygroundDriver> StartAsync(string botMessagesUrl, string? configPath = null, CancellationToken cancellationToken = default)
    {
        var workDirectory = Directory.CreateTempSubdirectory("gibot-playground-");
        var port = FreePortBelow32768();
        var start = new ProcessStartInfo(PlaygroundAvailability.FindNode() ?? "node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory.FullName,
        };
        foreach (var arg in new[] { PlaygroundAvailability.CliPath, "-e", botMessagesUrl, "-c", "msteams", "--disable-telemetry" })
        {
            start.ArgumentList.Add(arg);
        }
        // Only our settings: inherited playground variables (a developer's shell) must not change the tenant or the bot.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("M365_AGENTS_PLAYGROUND_", StringComparison.Ordinal)
            || k.StartsWith("TEAMSAPPTESTER_", StringComparison.Ordinal) || k is "TEAMS_APP_TEST_TOOL_CONFIG_PATH" or "BOT_ENDPOINT" or "DEFAULT_CHANNEL_ID").ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["TEAMSAPPTESTER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath ?? Path.Combine(RepositoryRoot.Path, ".m365agentsplayground.yml");
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDirectory.FullName, "m365agentsplayground.log");

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for the Agents Playground.");
        var driver = new PlaygroundDriver(process, workDirectory, port);
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => driver.Append(e.Data, listening);
        process.ErrorDataReceived += (_, e) => driver.Append(e.Data, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await driver.WaitReadyAsync(listening.Task, cancellationToken);
            driver.Tenant = PlaygroundTenant.Parse(await driver.GetJsonAsync("_internal/v1/testConfig", cancellationToken));
            var ws = new UriBuilder(driver.BaseUri) { Scheme = "ws" }.Uri;
            driver.Conversation = await WebSocketFeed<PlaygroundFrame>.ConnectAsync(new Uri(ws, "_ws_conversation/v1/conversations/stream"),
                PlaygroundFrame.Parse, f => f.Timestamp, cancellationToken);
            driver.Log = await WebSocketFeed<PlaygroundLogEntry>.ConnectAsync(new Uri(ws, "_ws/log/stream"),
                PlaygroundLogEntry.Parse, e => e.Timestamp, cancellationToken);
            return driver;
        }
        catch
        {
            await driver.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The current user posts <paramref name="text"/>. In a channel this starts a new post; replies then
    /// appear under <see cref="SentMessage.PostConversationId"/>. The playground forwards the message to the
    /// bot only in the personal chat or when the bot is among <paramref name="mentions"/>.
    /// </summary>
    public async Task<SentMessage> SendMessageAsync(string conversationId, string text, string? fromId = null,
        IReadOnlyList<PlaygroundMention>? mentions = null, string textFormat = "plain", CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["text"] = text,
            ["textFormat"] = textFormat,
            ["from"] = new JsonObject { ["id"] = fromId ?? Tenant.CurrentUser.Id },
        };
        if (mentions is { Count: > 0 })
        {
            body["mentions"] = new JsonArray([.. mentions.Select(m => (JsonNode)new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = m.Id },
                ["text"] = m.Text,
            })]);
        }
        var position = Conversation.Position;
        var answer = await PostAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body, cancellationToken);
        return new SentMessage(answer.GetProperty("messageId").GetString()!,
            answer.TryGetProperty("postConversationId", out var post) ? post.GetString() : null, position);
    }

    /// <summary>
    /// A user presses an <c>Action.Submit</c> button on the card message <paramref name="replyToId"/>: the bot
    /// gets a <c>message</c> activity whose <c>value</c> is <paramref name="value"/> (the card's data plus inputs).
    /// Returns the conversation stream position before the submit.
    /// </summary>
    public async Task<long> SubmitAsync(string conversationId, string replyToId, object value, string? fromId = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
            ["value"] = ToNode(value),
            ["from"] = new JsonObject { ["id"] = fromId ?? Tenant.CurrentUser.Id },
        };
        var position = Conversation.Position;
        await PostAsync("_conversation/v1/submit", body, cancellationToken);
        return position;
    }

    /// <summary>
    /// Sends an invoke (e.g. <c>adaptiveCard/action</c>) about message <paramref name="replyToId"/> and returns the
    /// bot's invoke response. A non-2xx answer from the bot comes back as HTTP 502 with <c>innerHttpError</c>.
    /// </summary>
    public async Task<PlaygroundInvokeResult> InvokeAsync(string name, object value, string conversationId, string replyToId,
        string? fromId = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["value"] = ToNode(value),
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
            ["from"] = new JsonObject { ["id"] = fromId ?? Tenant.CurrentUser.Id },
        };
        using var response = await _http.PostAsJsonAsync(new Uri(BaseUri, "_conversation/v1/invoke"), body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK && response.StatusCode != HttpStatusCode.BadGateway)
        {
            throw new InvalidOperationException($"Playground refused the invoke ({(int)response.StatusCode}): {text}");
        }
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
        return new PlaygroundInvokeResult(response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>A user presses an <c>Action.Execute</c> button with <paramref name="verb"/> on the card message <paramref name="cardMessageId"/>.</summary>
    public Task<PlaygroundInvokeResult> ExecuteAsync(string conversationId, string cardMessageId, string verb, object? data = null,
        string? fromId = null, CancellationToken cancellationToken = default) =>
        InvokeAsync("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = ToNode(data ?? new JsonObject()) },
            ["trigger"] = "manual",
        }, conversationId, cardMessageId, fromId, cancellationToken);

    /// <summary>
    /// Installs the bot in a chat or team: the playground sends <c>installationUpdate</c> and
    /// <c>conversationUpdate</c> (bot added) concurrently. Returns the stream position before the install.
    /// </summary>
    public async Task<long> InstallAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var position = Conversation.Position;
        await PostAsync($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", null, cancellationToken);
        return position;
    }

    /// <summary>The first created or updated message at or after <paramref name="since"/> that matches.</summary>
    public Task<PlaygroundFrame> WaitForMessageAsync(Func<PlaygroundFrame, bool> predicate, TimeSpan? timeout = null, long since = 0) =>
        Conversation.WaitAsync(f => f.Action != PlaygroundFrame.Typing && predicate(f), timeout ?? DefaultTimeout, since, Diagnostics);

    /// <summary>
    /// The first message the bot posted in <paramref name="conversationId"/> (a chat or a post) at or after
    /// <paramref name="since"/> that matches. Only new messages count: an in-place update of an earlier card
    /// (a receipt, a review) can land in the stream later and must not pass for the reply.
    /// </summary>
    public Task<PlaygroundFrame> WaitForBotMessageAsync(string conversationId, Func<PlaygroundFrame, bool>? predicate = null, long since = 0, TimeSpan? timeout = null) =>
        WaitForMessageAsync(f => f.Action == PlaygroundFrame.CreateMessage && f.ConversationId == conversationId && f.IsFrom(Tenant.Bot.Id) && (predicate?.Invoke(f) ?? true), timeout, since);

    public Task<PlaygroundLogEntry> WaitForLogAsync(Func<PlaygroundLogEntry, bool> predicate, TimeSpan? timeout = null, long since = 0) =>
        Log.WaitAsync(predicate, timeout ?? DefaultTimeout, since, Diagnostics);

    /// <summary>The playground's console output and the end of its log file, for failure messages.</summary>
    public string Diagnostics()
    {
        string console;
        lock (_output)
        {
            console = _output.ToString();
        }
        var log = "";
        try
        {
            log = File.Exists(LogFilePath) ? File.ReadAllText(LogFilePath) : "";
        }
        catch (IOException)
        {
            // being written; the console part still helps
        }
        return $"\n--- playground console ---\n{Tail(console, 4000)}\n--- playground log ({LogFilePath}) ---\n{Tail(log, 8000)}";
    }

    private async Task WaitReadyAsync(Task<int> listening, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        using var ping = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Agents Playground exited with code {_process.ExitCode} at startup (an invalid .m365agentsplayground.yml does this).{Diagnostics()}");
            }
            if (listening.IsCompletedSuccessfully)
            {
                Port = listening.Result;
                try
                {
                    var pong = await ping.GetStringAsync(new Uri(BaseUri, "_debug/ping"), cancellationToken);
                    if (pong.Contains("pong", StringComparison.Ordinal))
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // not answering yet
                }
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"The Agents Playground did not answer /_debug/ping within {StartTimeout}.{Diagnostics()}");
    }

    private void Append(string? line, TaskCompletionSource<int>? listening)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        // Without a TTY the playground prints "Listening on <port>" to stdout: the port it really took.
        if (listening is not null && ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task<JsonElement> PostAsync(string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using HttpContent content = body is null ? new StringContent("{}", Encoding.UTF8, "application/json") : JsonContent.Create(body);
        using var response = await _http.PostAsync(new Uri(BaseUri, path), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Playground refused POST /{path} ({(int)response.StatusCode}): {text}");
        }
        if (string.IsNullOrWhiteSpace(text) || !text.TrimStart().StartsWith('{'))
        {
            return default;
        }
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri(BaseUri, path), cancellationToken));
        return document.RootElement.Clone();
    }

    private static JsonNode? ToNode(object value) => value as JsonNode ?? JsonSerializer.SerializeToNode(value);

    private static string Tail(string text, int length) => text.Length <= length ? text : "…" + text[^length..];

    /// <summary>
    /// A port that is free on every interface (the playground binds all of them), below Linux's
    /// ephemeral range (32768+) so an outgoing connection cannot grab it before the playground starts.
    /// </summary>
    private static int FreePortBelow32768()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(20000, 32000);
            try
            {
                using var listener = new TcpListener(IPAddress.Any, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken; try another
            }
        }
        throw new InvalidOperationException("No free port below 32768.");
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();

    public async ValueTask DisposeAsync()
    {
        if (Conversation is not null)
        {
            await Conversation.DisposeAsync();
        }
        if (Log is not null)
        {
            await Log.DisposeAsync();
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _http.Dispose();
        try
        {
            _workDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a late log write; the temp folder is harmless
        }
    }
}
