using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GiBot.Load;

/// <summary>
/// The bot as it ships: the Release build of <c>bot/</c> (or, with <c>--bot-exe</c>, a native executable
/// published with Native AOT) started as a child process with authentication on (app id, tenant, secret)
/// and every endpoint pointed at the fake cloud.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    public const string AppId = "00000000-0000-0000-0000-0000000b0a70";
    public const string Tenant = "00000000-0000-0000-0000-0000000e7a47";

    private readonly Process _process;
    private readonly string _dataDirectory;
    private int _outputLines;
    private string _lastOutput = "";
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _firstOutput = new();

    private BotUnderTest(Process process, int port, string dataDirectory)
    {
        _process = process;
        Port = port;
        _dataDirectory = dataDirectory;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public Uri MessagesUrl => new($"http://127.0.0.1:{Port}/api/messages");

    /// <summary>Lines the bot wrote (it logs at Warning and above only); a steady stream means trouble.</summary>
    public int OutputLines => Volatile.Read(ref _outputLines);

    public string LastOutput => Volatile.Read(ref _lastOutput);

    /// <summary>The first few lines the bot wrote.</summary>
    public IEnumerable<string> FirstOutput => _firstOutput;

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

    public static async Task<BotUnderTest> StartAsync(string repositoryRoot, FakeCloud cloud, BenchPki pki, string workDirectory, IEnumerable<KeyValuePair<string, string>> extraEnvironment)
    {
        var native = NativeExecutable is { } exe ? Path.GetFullPath(exe) : null;
        var binaries = native is null ? Path.Combine(repositoryRoot, "bot", "bin", "Release", "net10.0") : Path.GetDirectoryName(native)!;
        var assembly = native ?? Path.Combine(binaries, "GiBot.dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException(native is null ? "Build the bot in Release first (or drop --no-build)." : "No executable at --bot-exe.", assembly);
        }
        var port = FreePort();
        var dataDirectory = Path.Combine(workDirectory, "data");
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo(native ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = binaries,
        };
        if (native is null)
        {
            start.ArgumentList.Add(assembly);
        }
        var environment = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = Tenant,
            ["MicrosoftAppPassword"] = "gibot-load-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = cloud.MetadataUrl,
            ["ToChannelFromBotLoginUrl"] = cloud.LoginUrl,
            ["ValidateAuthority"] = "false",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Storage__SqlitePath"] = Path.Combine(dataDirectory, "gibot.db"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["SSL_CERT_FILE"] = pki.BundlePath,
        };
        foreach (var (key, value) in extraEnvironment)
        {
            environment[key] = value;
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var bot = new BotUnderTest(Process.Start(start)!, port, dataDirectory);
        bot._process.OutputDataReceived += (_, e) => bot.Record(e.Data);
        bot._process.ErrorDataReceived += (_, e) => bot.Record(e.Data);
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        await bot.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return bot;
    }

    public TimeSpan CpuTime() => ProcStats.CpuTime(_process.Id);

    public long PeakResidentBytes() => ProcStats.StatusBytes(_process.Id, "VmHWM");

    public long ResidentBytes() => ProcStats.StatusBytes(_process.Id, "VmRSS");

    private void Record(string? line)
    {
        if (line is not null)
        {
            if (Interlocked.Increment(ref _outputLines) <= 5)
            {
                _firstOutput.Enqueue(line);
            }
            Volatile.Write(ref _lastOutput, line);
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with code {_process.ExitCode}: {LastOutput}");
            }
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{Port}/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The bot did not become healthy within {timeout}: {LastOutput}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
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
