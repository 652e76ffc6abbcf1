namespace GiBot.AppPackage;

/// <summary>
/// <c>GiBot package-manifest [--output path]</c>: builds the Teams app package from the bot's own
/// configuration and exits; the web host is never started.
/// </summary>
public static class AppPackageCommand
{
    public const string Name = "package-manifest";
    public const string PackageFileName = "GiBot.zip";

    private const string Usage = "Usage: GiBot package-manifest [--output <path/to/GiBot.zip>]";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the command; returns the process exit code (0 built, 1 configuration problem, 2 bad arguments).</summary>
    public static int Run(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        if (!TryReadOutput(args.Skip(1).ToArray(), out var requested))
        {
            error.WriteLine(Usage);
            return 2;
        }
        try
        {
            var path = requested ?? DefaultOutput(Directory.GetCurrentDirectory());
            var result = AppPackageBuilder.Build(AppPackageSettings.From(configuration), path);
            output.WriteLine($"Teams app package built: {result.Path} (version {result.Version}, bot id {result.BotId}; files: {string.Join(", ", result.Files)})");
            return 0;
        }
        catch (Exception e) when (e is AppPackageException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return 1;
        }
    }

    /// <summary>manifest/build/GiBot.zip in the repository that holds the working directory, else GiBot.zip right there.</summary>
    public static string DefaultOutput(string workingDirectory)
    {
        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GiBot.sln")))
            {
                return Path.Combine(directory.FullName, "manifest", "build", PackageFileName);
            }
        }
        return Path.Combine(workingDirectory, PackageFileName);
    }

    private static bool TryReadOutput(string[] options, out string? output)
    {
        output = null;
        for (var i = 0; i < options.Length; i++)
        {
            if (options[i] is "--output" or "-o" && i + 1 < options.Length && output is null)
            {
                output = options[++i];
            }
            else if (options[i].StartsWith("--output=", StringComparison.Ordinal) && output is null)
            {
                output = options[i]["--output=".Length..];
            }
            else
            {
                return false;
            }
        }
        return output is null || output.Length > 0;
    }
}
