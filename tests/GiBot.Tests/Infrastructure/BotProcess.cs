using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GiBot.Tests.Infrastructure;

/// <summary>
/// The bot as a separate OS process (the built GiBot.dll), for tests that need what only a real
/// process has: its own environment (SSL_CERT_FILE, proxy variables), a real port for the Agents
/// Playground, kill -9. Configuration goes in as environment variables (<c>Section__Key</c>).
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string MessagesUrl => BaseUrl + "/api/messages";

    /// <summary>Everything the process wrote so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

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
    public static async Task<BotProcess> StartAsync(IDictionary<string, string?>? environment = null, int? port = null, string? workingDirectory = null, string[]? args = null, string? executable = null)
    {
        var chosenPort = port ?? FreePort();
        var start = new ProcessStartInfo(executable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(executable ?? BotAssemblyPath)!,
        };
        if (executable is null)
        {
            start.ArgumentList.Add(BotAssemblyPath);
        }
        foreach (var arg in args ?? [])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{chosenPort}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Storage__SqlitePath"] = Path.Combine(Path.GetTempPath(), "gibot-tests", Guid.NewGuid().ToString("N"), "gibot.db");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
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
        var bot = new BotProcess(process, chosenPort);
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitHealthyAsync(TimeSpan.FromSeconds(30));
        return bot;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
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
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
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
