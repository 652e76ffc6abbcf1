using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GiBot.Tests.Infrastructure;

/// <summary>
/// The bot as a separate OS process (the built GiBot.dll or a native executable), for tests that need what
/// only a real process has: its own environment (SSL_CERT_FILE, proxy variables), a real port for the Agents
/// Playground, kill -9; and for the load tool. Configuration goes in as environment variables (<c>Section__Key</c>).
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    /// <summary>How many of the first lines are kept even when the whole output is not.</summary>
    public const int FirstLinesKept = 5;

    private readonly Process _process;
    private readonly bool _keepOutput;
    private readonly StringBuilder _output = new();
    private readonly ConcurrentQueue<string> _firstOutput = new();
    private int _outputLines;
    private string _lastOutput = "";

    private BotProcess(Process process, int port, bool keepOutput)
    {
        _process = process;
        Port = port;
        _keepOutput = keepOutput;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string MessagesUrl => BaseUrl + "/api/messages";

    /// <summary>
    /// Everything the process wrote so far (stdout and stderr); without <see cref="BotLaunch.KeepOutput"/>,
    /// its first lines and the last one.
    /// </summary>
    public string Output
    {
        get
        {
            if (!_keepOutput)
            {
                var first = string.Join("\n", _firstOutput);
                return OutputLines > _firstOutput.Count ? first + "\n...\n" + LastOutput : first;
            }
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>How many lines the process wrote.</summary>
    public int OutputLines => Volatile.Read(ref _outputLines);

    /// <summary>The first <see cref="FirstLinesKept"/> lines the process wrote.</summary>
    public IEnumerable<string> FirstOutput => _firstOutput;

    public string LastOutput => Volatile.Read(ref _lastOutput);

    public bool HasExited => _process.HasExited;

    public static string BotAssemblyPath
    {
        get
        {
            // tests/GiBot.Tests/bin/<cfg>/net10.0 → the bot's copy is referenced, so GiBot.dll sits beside us.
            var path = Path.Combine(AppContext.BaseDirectory, "GiBot.dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("GiBot.dll not found beside the test assembly.", path);
            }
            return path;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the bot and waits until <c>/healthz</c> answers: <c>dotnet GiBot.dll</c>, or the native
    /// executable at <paramref name="executable"/> (a Native AOT publish) when given.
    /// </summary>
    public static Task<BotProcess> StartAsync(IDictionary<string, string?>? environment = null, int? port = null, string? workingDirectory = null, string[]? args = null, string? executable = null) =>
        StartAsync(new BotLaunch
        {
            Environment = environment ?? new Dictionary<string, string?>(),
            Port = port,
            WorkingDirectory = workingDirectory,
            Args = args ?? [],
            Executable = executable,
        });

    /// <summary>Starts the bot as <paramref name="launch"/> says and waits until <c>/healthz</c> answers.</summary>
    public static async Task<BotProcess> StartAsync(BotLaunch launch)
    {
        var chosenPort = launch.Port ?? FreePort();
        var assembly = launch.Executable is null ? launch.Assembly ?? BotAssemblyPath : null;
        var start = new ProcessStartInfo(launch.Executable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = launch.WorkingDirectory ?? Path.GetDirectoryName(launch.Executable ?? assembly)!,
        };
        if (assembly is not null)
        {
            start.ArgumentList.Add(assembly);
        }
        foreach (var arg in launch.Args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{chosenPort}";
        if (launch.TestingEnvironment)
        {
            start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        }
        start.Environment["Storage__SqlitePath"] = Path.Combine(Path.GetTempPath(), "gibot-tests", Guid.NewGuid().ToString("N"), "gibot.db");
        foreach (var (key, value) in launch.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot process.");
        var bot = new BotProcess(process, chosenPort, launch.KeepOutput);
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bot.WaitHealthyAsync(launch.HealthTimeout);
        }
        catch
        {
            // Not left running when it never became healthy.
            await bot.DisposeAsync();
            throw;
        }
        return bot;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (Interlocked.Increment(ref _outputLines) <= FirstLinesKept)
        {
            _firstOutput.Enqueue(line);
        }
        Volatile.Write(ref _lastOutput, line);
        if (_keepOutput)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
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
                throw new InvalidOperationException($"The bot exited with code {_process.ExitCode} before it was healthy:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening or not answering yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The bot did not become healthy within {timeout}:\n{Output}");
    }

    /// <summary>Ends the process at once, as kill -9 would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
