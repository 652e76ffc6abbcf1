namespace GiBot.Tests.Infrastructure;

/// <summary>How <see cref="BotProcess"/> starts the bot. The defaults suit a test: the GiBot.dll beside the test assembly.</summary>
public sealed record BotLaunch
{
    /// <summary>A native executable (a Native AOT publish) to run instead of <c>dotnet <see cref="Assembly"/></c>.</summary>
    public string? Executable { get; init; }

    /// <summary>The GiBot.dll to run with <c>dotnet</c>; <see cref="BotProcess.BotAssemblyPath"/> when not given.</summary>
    public string? Assembly { get; init; }

    /// <summary>The port to listen on; a free one when not given.</summary>
    public int? Port { get; init; }

    /// <summary>The directory of the executable or assembly when not given.</summary>
    public string? WorkingDirectory { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Set on top of the inherited environment (<c>Section__Key</c>); a null value removes the variable.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Environment { get; init; } = [];

    /// <summary>Runs the bot in the <c>Testing</c> environment (DOTNET_/ASPNETCORE_ENVIRONMENT); off for "as it ships".</summary>
    public bool TestingEnvironment { get; init; } = true;

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Keeps everything the bot writes in <see cref="BotProcess.Output"/>. Off for long runs: then only the line
    /// count, the first lines and the last one are kept.
    /// </summary>
    public bool KeepOutput { get; init; } = true;
}
