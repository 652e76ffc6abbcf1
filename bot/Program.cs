using GiBot.Conversation;
using GiBot.Hosting;
using GiBot.Measures;
using GiBot.Protocol.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddBinaryDirectorySettings();

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

builder.Services.AddBotProtocol(settings);
builder.Services.AddGiBotConversation();
builder.Services.AddGiBotMeasures(builder.Configuration);
builder.Services.AddGiBotTelemetry(builder.Configuration);

var app = builder.Build();
if (settings.IsLocalMode)
{
    app.Logger.LogWarning("MicrosoftAppId is empty: local mode. Requests are accepted without authentication and replies are sent without a token. Never expose this instance to a network.");
}
app.UseAuthentication();
app.UseAuthorization();
app.MapBotMessages();
app.MapHealth();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
