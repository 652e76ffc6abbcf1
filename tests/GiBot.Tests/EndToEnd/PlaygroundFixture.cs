using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.EndToEnd;

/// <summary>
/// One bot (child process, local mode: no credentials) and one Agents Playground pointed at it, shared
/// by a test class because the playground takes seconds to start. Tests call <see cref="Require"/>.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private readonly PlaygroundAvailability _availability = PlaygroundAvailability.Check();
    private BotProcess? _bot;
    private PlaygroundDriver? _playground;

    public BotProcess Bot => _bot ?? throw new InvalidOperationException("The bot was not started.");

    /// <summary>The running playground; skips the test (or fails it under CI) when the playground cannot run here.</summary>
    public PlaygroundDriver Require()
    {
        _availability.Require();
        return _playground ?? throw new InvalidOperationException("The Agents Playground was not started.");
    }

    public async ValueTask InitializeAsync()
    {
        if (!_availability.IsAvailable)
        {
            return;
        }
        _bot = await BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            // The playground's current user coordinates the plan: an admin of 知识产权保护科.
            ["Roster__People__0__AadObjectId"] = CurrentUserAadObjectId(),
            ["Roster__People__0__Units__0"] = "知识产权保护科",
            ["Roster__People__0__Role"] = "admin",
            ["Relay__PollInterval"] = "00:00:00.200",
        });
        _playground = await PlaygroundDriver.StartAsync(_bot.MessagesUrl);
    }

    /// <summary>Read from the tenant file before the playground runs, because the bot starts first.</summary>
    internal static string CurrentUserAadObjectId()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".m365agentsplayground.yml"));
        var match = System.Text.RegularExpressions.Regex.Match(yaml, @"currentUser:[\s\S]*?aadObjectId:\s*(\S+)");
        return match.Success ? match.Groups[1].Value : throw new InvalidDataException("The playground tenant file has no currentUser aadObjectId.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }
}
