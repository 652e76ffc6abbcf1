using Microsoft.Extensions.Configuration.Json;

namespace GiBot.Hosting;

public static class ConfigurationSetup
{
    /// <summary>
    /// The repository-root <c>appsettings.json</c> is copied next to the binary at build, so the bot
    /// reads it wherever it is started from. It goes first (lowest precedence): an appsettings.json in
    /// the working directory, environment variables and the command line still override it.
    /// </summary>
    public static void AddBinaryDirectorySettings(this IConfigurationBuilder configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(path))
        {
            return;
        }
        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
    }
}
