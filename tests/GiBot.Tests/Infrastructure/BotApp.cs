using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GiBot.Tests.Infrastructure;

/// <summary>
/// The real bot in memory (WebApplicationFactory), configured by key/value overrides on top of
/// appsettings.json. Outbound calls use real HTTP, so they reach a <see cref="FakeConnector"/>.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public BotApp(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        _settings = settings ?? [];
        _configureServices = configureServices;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        // Each bot gets its own database unless the test chooses one: a remembered activity id or
        // roster entry from another test must never change this test's outcome.
        if (!_settings.ContainsKey("Storage:SqlitePath"))
        {
            builder.UseSetting("Storage:SqlitePath", Path.Combine(Path.GetTempPath(), "gibot-tests", Guid.NewGuid().ToString("N"), "gibot.db"));
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_configureServices is not null)
        {
            builder.ConfigureServices(_configureServices);
        }
    }

    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? bearer = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return await client.SendAsync(request);
    }

    /// <summary>
    /// Posts the activity and, like the channel, retries a 503 for up to 10 s: a turn gives its admission slot back
    /// once its id is recorded, a moment after its 200, so a slot may still be held right after an answer.
    /// </summary>
    public async Task<HttpStatusCode> PostUntilAdmittedAsync(JsonObject activity)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            using var response = await PostActivityAsync(activity);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }
            await Task.Delay(20);
        }
    }
}
