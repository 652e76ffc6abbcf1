using GiBot.AppPackage;
using GiBot.Conversation;
using GiBot.Hosting;
using GiBot.Measures;
using GiBot.Overview;
using GiBot.Protocol.Hosting;
using GiBot.Relay;
using GiBot.Reminders;
using GiBot.Roster;
using GiBot.Storage;
using GiBot.Storage.Export;
using GiBot.Updates;

// The slim builder leaves out what GiBot never uses (hosting-startup assemblies, IIS, static web assets, the regex route
// constraint, the Debug/EventSource logging providers), which keeps it out of the native image; HTTPS endpoints in
// Kestrel's configuration keep working through UseKestrelHttpsConfiguration.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.Configuration.AddBinaryDirectorySettings();
if (AppPackageCommand.IsRequested(args)) Environment.Exit(AppPackageCommand.Run(args, builder.Configuration, Console.Out, Console.Error));
if (await StorageCommands.TryRunAsync(args, builder.Configuration, builder.Environment.ContentRootPath)) return;

var settings = BotFrameworkSettings.From(builder.Configuration);
if (ListenAddress.Choose(builder.Configuration, settings) is { } url)
{
    builder.WebHost.UseUrls(url);
}
builder.Logging.AddSimpleConsole(o =>
{
    o.IncludeScopes = true;
    o.SingleLine = true;
    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
    o.UseUtcTimestamp = true;
});

try
{
    builder.Services.AddBotProtocol(settings);
}
catch (InvalidOperationException e)
{
    // A configuration mistake (e.g. SingleTenant without a tenant id): one clear line, no stack trace.
    Console.Error.WriteLine($"GiBot cannot start: {e.Message}");
    Environment.Exit(2);
}
builder.Services.AddGiBotConversation();
builder.Services.AddGiBotMeasures(builder.Configuration);
builder.Services.AddGiBotTelemetry(builder.Configuration);
builder.Services.AddGiBotStorage(builder.Configuration);
builder.Services.AddGiBotRoster(builder.Configuration);
builder.Services.AddGiBotRelay(builder.Configuration);
builder.Services.AddGiBotUpdates(builder.Configuration);
builder.Services.AddGiBotReminders(builder.Configuration);
builder.Services.AddGiBotOverview(builder.Configuration);

var app = builder.Build();
if (!await app.Services.GetRequiredService<StorageInitializer>().TryStartAsync()) return;
app.Logger.LogGarbageCollector();
if (settings.IsLocalMode)
{
    app.Logger.LogWarning("MicrosoftAppId is empty: local mode. Requests are accepted without authentication and replies are sent without a token. Never expose this instance to a network.");
}
app.MapBotMessages();
app.MapHealth();
app.MapGiBotOverview();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
