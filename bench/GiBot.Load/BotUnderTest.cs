using System.Diagnostics;
using GiBot.Tests.Infrastructure;

namespace GiBot.Load;

/// <summary>
/// The bot as it ships: the Release build of <c>bot/</c> (or, with <c>--bot-exe</c>, a native executable
/// published with Native AOT) started as a <see cref="BotProcess"/> with authentication on (app id, tenant,
/// secret) and every endpoint pointed at the fake cloud.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    public const string AppId = "00000000-0000-0000-0000-0000000b0a70";
    public const string Tenant = "00000000-0000-0000-0000-0000000e7a47";
    public const string ChannelKeyId = "gibot-load-key";

    /// <summary>The one token the fake cloud issues, so the fake connector checks each call with one comparison.</summary>
    public const string AccessToken = "gibot-load-access-token";

    private readonly BotProcess _process;
    private readonly string _dataDirectory;

    private BotUnderTest(BotProcess process, string dataDirectory)
    {
        _process = process;
        _dataDirectory = dataDirectory;
    }

    public int ProcessId => _process.ProcessId;

    public Uri MessagesUrl => new(_process.MessagesUrl);

    /// <summary>Lines the bot wrote (it logs at Warning and above only); a steady stream means trouble.</summary>
    public int OutputLines => _process.OutputLines;

    public string LastOutput => _process.LastOutput;

    /// <summary>The first few lines the bot wrote.</summary>
    public IEnumerable<string> FirstOutput => _process.FirstOutput;

    /// <summary><c>--bot-exe</c>: run this native executable instead of <c>dotnet GiBot.dll</c> (nothing is built).</summary>
    public static string? NativeExecutable { get; set; }

    public static async Task BuildAsync(string repositoryRoot)
    {
        if (NativeExecutable is not null)
        {
            return;
        }
        var build = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var arg in new[] { "build", "-c", "Release", "-nologo", "-v", "q", Path.Combine(repositoryRoot, "bot", "GiBot.csproj") })
        {
            build.ArgumentList.Add(arg);
        }
        using var process = Process.Start(build)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet build -c Release bot failed.");
        }
    }

    public static async Task<BotUnderTest> StartAsync(string repositoryRoot, FakeCloud cloud, string workDirectory, IEnumerable<KeyValuePair<string, string>> extraEnvironment)
    {
        var native = NativeExecutable is { } exe ? Path.GetFullPath(exe) : null;
        var assembly = native ?? Path.Combine(repositoryRoot, "bot", "bin", "Release", "net10.0", "GiBot.dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException(native is null ? "Build the bot in Release first (or drop --no-build)." : "No executable at --bot-exe.", assembly);
        }
        var dataDirectory = Path.Combine(workDirectory, "data");
        Directory.CreateDirectory(dataDirectory);
        var environment = cloud.BotEnvironment(AppId, "gibot-load-secret");
        environment["Storage__SqlitePath"] = Path.Combine(dataDirectory, "gibot.db");
        environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in extraEnvironment)
        {
            environment[key] = value;
        }
        var process = await BotProcess.StartAsync(new BotLaunch
        {
            Executable = native,
            Assembly = native is null ? assembly : null,
            Environment = environment,
            TestingEnvironment = false,
            HealthTimeout = TimeSpan.FromSeconds(60),
            KeepOutput = false,
        });
        return new BotUnderTest(process, dataDirectory);
    }

    public TimeSpan CpuTime() => ProcStats.CpuTime(ProcessId);

    public long PeakResidentBytes() => ProcStats.StatusBytes(ProcessId, "VmHWM");

    public long ResidentBytes() => ProcStats.StatusBytes(ProcessId, "VmRSS");

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory
        }
    }
}
