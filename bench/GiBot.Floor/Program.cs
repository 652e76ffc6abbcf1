using System.Text;
using System.Text.Json;

// The reference point, measured with the same load tool on the same machine: a bare ASP.NET Core
// endpoint that reads the activity and makes one outbound call (the reply), with no authentication,
// storage, routing, rate limiting or retries. Not a bot: it answers "ok" to everything.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var connector = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) });

app.MapGet("/healthz", () => Results.Ok());
app.MapPost("/api/messages", async (HttpRequest request) =>
{
    using var activity = await JsonDocument.ParseAsync(request.Body);
    var root = activity.RootElement;
    var id = root.GetProperty("id").GetString();
    var conversation = root.GetProperty("conversation").GetProperty("id").GetString();
    var serviceUrl = root.GetProperty("serviceUrl").GetString()!.TrimEnd('/');
    var reply = $$$"""{"type":"message","text":"ok","replyToId":"{{{id}}}","conversation":{"id":"{{{conversation}}}"}}""";
    using var content = new StringContent(reply, Encoding.UTF8, "application/json");
    using var response = await connector.PostAsync($"{serviceUrl}/v3/conversations/{Uri.EscapeDataString(conversation!)}/activities/{Uri.EscapeDataString(id!)}", content);
    return Results.StatusCode((int)response.StatusCode < 300 ? 200 : 502);
});
app.Run();
