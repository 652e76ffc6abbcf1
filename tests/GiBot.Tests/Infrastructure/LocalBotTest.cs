using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Infrastructure;

/// <summary>
/// A test class with its own bot in local mode (no credentials, its own SQLite file) and its own
/// fake Bot Connector. Override <see cref="Settings"/> or <see cref="ConfigureServices"/> to vary the bot.
/// </summary>
public abstract class LocalBotTest : IAsyncLifetime
{
    protected FakeConnector Connector { get; private set; } = null!;

    protected BotApp Bot { get; private set; } = null!;

    /// <summary>Configuration overrides; <c>MicrosoftAppId</c> is empty unless a test sets it.</summary>
    protected virtual Dictionary<string, string?> Settings => [];

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        var settings = Settings;
        settings.TryAdd("MicrosoftAppId", "");
        Bot = new BotApp(settings, ConfigureServices);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
