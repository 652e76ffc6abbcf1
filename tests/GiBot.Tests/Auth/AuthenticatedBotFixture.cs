using System.Text;
using System.Text.Json.Nodes;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Auth;

/// <summary>
/// The bot as a child process with an app id, trusting the test CA through <c>SSL_CERT_FILE</c>, its
/// channel metadata, keys and token endpoint on a <see cref="FakeCloud"/>, replying to a
/// <see cref="FakeConnector"/>. Any call to a host other than loopback goes to a <see cref="RecordingProxy"/>
/// that records and refuses it.
/// </summary>
public class AuthenticatedBotFixture : IAsyncLifetime
{
    public const string AppPassword = "test-client-secret";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public TestPki Pki { get; private set; } = null!;

    public FakeCloud Cloud { get; private set; } = null!;

    public FakeConnector Connector { get; private set; } = null!;

    public BotProcess Bot { get; private set; } = null!;

    /// <summary><c>HTTPS_PROXY</c> of the bot: whatever reaches it tried to leave the machine.</summary>
    public RecordingProxy Proxy { get; } = new();

    /// <summary>Published, endorsed for <c>msteams</c>.</summary>
    public ChannelKey TeamsKey { get; } = new("teams-key-1", "msteams", "skype");

    /// <summary>Published, but endorsed for another channel only.</summary>
    public ChannelKey WebChatKey { get; } = new("webchat-key-1", "webchat");

    /// <summary>Never published.</summary>
    public ChannelKey UnpublishedKey { get; } = new("unpublished-key-1", "msteams");

    public async ValueTask InitializeAsync()
    {
        Pki = TestPki.Create();
        Cloud = await FakeCloud.StartAsync(Pki);
        Cloud.Publish(TeamsKey, WebChatKey);
        Connector = await FakeConnector.StartAsync();
        var environment = Cloud.BotEnvironment(ChannelTokens.AppId, AppPassword);
        environment["SSL_CERT_DIR"] = null;
        environment["HTTPS_PROXY"] = Proxy.Url;
        environment["HTTP_PROXY"] = null;
        environment["NO_PROXY"] = "127.0.0.1,localhost";
        Configure(environment);
        Bot = await BotProcess.StartAsync(environment);
    }

    /// <summary>Adjusts the bot's environment before it starts.</summary>
    protected virtual void Configure(IDictionary<string, string?> environment)
    {
    }

    public string ValidToken() => ChannelTokens.Create(TeamsKey, Connector.ServiceUrl);

    /// <summary>Posts an activity with the Authorization header exactly as given (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Bot.MessagesUrl)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await _http.SendAsync(request);
    }

    /// <summary>Connector calls made for one conversation.</summary>
    public IReadOnlyList<FakeConnector.Call> CallsFor(string conversationId) =>
        Connector.Sent.Where(c => c.Path.StartsWith($"/v3/conversations/{conversationId}/", StringComparison.Ordinal)).ToArray();

    /// <summary>Waits for the bot's reply to <paramref name="activityId"/> in a conversation.</summary>
    public async Task<FakeConnector.Call> WaitForReplyAsync(string conversationId, string activityId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var reply = CallsFor(conversationId).FirstOrDefault(c => c.Path.EndsWith("/activities/" + activityId, StringComparison.Ordinal));
            if (reply is not null)
            {
                return reply;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"No reply to {activityId} in {conversationId}. Bot output:\n{Bot.Output}");
    }

    public virtual async ValueTask DisposeAsync()
    {
        // Null-tolerant: InitializeAsync may have failed half-way.
        _http.Dispose();
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
        if (Connector is not null)
        {
            await Connector.DisposeAsync();
        }
        if (Cloud is not null)
        {
            await Cloud.DisposeAsync();
        }
        await Proxy.DisposeAsync();
        Pki?.Dispose();
        TeamsKey.Dispose();
        WebChatKey.Dispose();
        UnpublishedKey.Dispose();
    }
}
