namespace GiBot.Tests.EndToEnd;

/// <summary>
/// Whether the Agents Playground can run here. Outside CI a missing Node.js or a missing
/// <c>npm ci --prefix tests/e2e</c> skips the end-to-end tests; under CI (env CI set) it fails them,
/// so a broken install step can never turn into a green run that tested nothing.
/// </summary>
public sealed record PlaygroundAvailability(bool IsAvailable, string? Problem, bool IsCi)
{
    public const string InstallCommand = "npm ci --prefix tests/e2e";

    public static string PackageDirectory => Path.Combine(RepositoryRoot.Path, "tests", "e2e");

    /// <summary>The playground's CLI entry inside the npm install (what node_modules/.bin/agentsplayground links to).</summary>
    public static string CliPath => Path.Combine(PackageDirectory, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    public static PlaygroundAvailability Check()
    {
        var isCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "false", StringComparison.OrdinalIgnoreCase);
        if (FindNode() is null)
        {
            return new(false, "Node.js (`node`) is not on PATH; the Microsoft 365 Agents Playground needs it.", isCi);
        }
        if (!File.Exists(CliPath))
        {
            return new(false, $"The Agents Playground is not installed ({CliPath} is missing): run `{InstallCommand}` from the repository root.", isCi);
        }
        return new(true, null, isCi);
    }

    /// <summary>Skips the calling test outside CI, fails it under CI, does nothing when the playground can run.</summary>
    public void Require()
    {
        if (IsAvailable)
        {
            return;
        }
        if (IsCi)
        {
            Assert.Fail($"End-to-end tests cannot run under CI: {Problem} (.ci/run must run `{InstallCommand}` before the tests.)");
        }
        Assert.Skip($"End-to-end test skipped: {Problem}");
    }

    public static string? FindNode()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node"];
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
