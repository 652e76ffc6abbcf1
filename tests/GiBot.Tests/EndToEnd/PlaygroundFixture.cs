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
        _bot = await BotProcess.StartAsync(new Dictionary<string, string?> { ["MicrosoftAppId"] = "" });
        _playground = await PlaygroundDriver.StartAsync(_bot.MessagesUrl);
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
