using GiBot.Protocol.Hosting;

namespace GiBot.Hosting;

public static class ListenAddress
{
    public const string LocalDefault = "http://127.0.0.1:3978";
    public const string HostedDefault = "http://0.0.0.0:3978";

    /// <summary>
    /// <c>ASPNETCORE_URLS</c> (or <c>urls</c>) wins. Otherwise local mode listens on loopback only,
    /// since it accepts unauthenticated requests; with an app id the bot listens on every interface.
    /// </summary>
    public static string? Choose(IConfiguration configuration, BotFrameworkSettings settings) =>
        string.IsNullOrWhiteSpace(configuration["urls"]) ? (settings.IsLocalMode ? LocalDefault : HostedDefault) : null;
}
