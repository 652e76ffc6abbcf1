using System.Diagnostics;
using GiBot.Tests.Cards;

namespace GiBot.Tests.NativeAot;

/// <summary>
/// The bot published with Native AOT (<c>dotnet publish bot -c Release -r linux-x64</c>). <c>.ci/run</c>
/// publishes it before <c>dotnet test</c> and names it in <c>GIBOT_AOT_EXE</c>; without that variable the
/// first test to ask publishes it here once (incremental: an unchanged bot is not compiled again).
/// </summary>
public static class NativeAotBinary
{
    public const string Variable = "GIBOT_AOT_EXE";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _path;

    public static async Task<string> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _path ??= Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given
                ? Existing(given)
                : await PublishAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string Existing(string path) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"{Variable} names no file.", path);

    private static async Task<string> PublishAsync()
    {
        var output = RepositoryFiles.Path("bot", "bin", "NativeAot");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.Root,
        };
        foreach (var arg in new[] { "publish", RepositoryFiles.Path("bot", "GiBot.csproj"), "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish (Native AOT) failed with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
        return Existing(Path.Combine(output, "GiBot"));
    }
}
