using System.Globalization;

namespace GiBot.Load;

/// <summary>Command line: <c>turns (--rate R | --concurrency N) [--duration 20s] [--warmup 5s] ...</c>.</summary>
public sealed class LoadOptions
{
    public const string Usage = """
        usage: GiBot.Load turns (--rate R | --concurrency N) [options]
          --rate R            open loop: R turns per second on a fixed schedule
          --concurrency N     closed loop: N turns in flight, each sent when the previous one was answered
          --duration T        measured window (default 20s; 500ms, 20s, 1m)
          --warmup T          unmeasured load before the window (default 10s: tiered JIT needs it)
          --conversations K   distinct users/conversations the turns rotate over (default 4000)
          --keep-bot-limits   keep the bot's own outbound limit of 50 sends/s per app (Teams' documented
                              per-tenant limit); by default it is raised so the bot itself is measured
          --teams-throttle    the fake connector refuses calls over Teams' limits (per conversation
                              7/1 s, 8/2 s, 60/30 s, 1800/h; 50/s per app) with 429 + Retry-After
          --local-mode        for comparison only: the bot without an app id (no inbound token
                              validation, no outbound token), requests without Authorization
          --bot-env K=V       extra environment for the bot (repeatable), e.g. DOTNET_gcServer=0
          --no-build          use bot/bin/Release as it is
          --bot-exe PATH      run this native executable (dotnet publish bot -c Release -r linux-x64)
                              instead of dotnet bot/bin/Release/net10.0/GiBot.dll; builds nothing
          --json              print the report as JSON instead of a table
          --json-file PATH    also write the report as JSON to PATH
        """;

    public string Command { get; private init; } = "";
    public double? Rate { get; private set; }
    public int? Concurrency { get; private set; }
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(20);
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(10);
    public int Conversations { get; private set; } = 4000;
    public bool KeepBotLimits { get; private set; }
    public bool NoBuild { get; private set; }
    public bool Json { get; private set; }
    public bool TeamsThrottle { get; private set; }
    public string? JsonFile { get; private set; }
    public string? BotExe { get; private set; }
    public bool LocalMode { get; private set; }
    public List<KeyValuePair<string, string>> BotEnvironment { get; } = [];

    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "turns")
        {
            throw new ArgumentException("Name a mode: turns or fanout.");
        }
        var options = new LoadOptions { Command = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--rate": options.Rate = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--concurrency": options.Concurrency = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--duration": options.Duration = ParseDuration(Value()); break;
                case "--warmup": options.Warmup = ParseDuration(Value()); break;
                case "--conversations": options.Conversations = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--keep-bot-limits": options.KeepBotLimits = true; break;
                case "--no-build": options.NoBuild = true; break;
                case "--json": options.Json = true; break;
                case "--teams-throttle": options.TeamsThrottle = true; break;
                case "--json-file": options.JsonFile = Value(); break;
                case "--bot-exe":
                    options.BotExe = Value();
                    // TurnsBenchmark starts the bot through BotUnderTest without the options at hand.
                    BotUnderTest.NativeExecutable = options.BotExe;
                    break;
                case "--local-mode": options.LocalMode = true; break;
                case "--bot-env":
                    var pair = Value().Split('=', 2);
                    options.BotEnvironment.Add(new(pair[0], pair.Length > 1 ? pair[1] : ""));
                    break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (options.Rate is null == options.Concurrency is null)
        {
            throw new ArgumentException("Give exactly one of --rate and --concurrency.");
        }
        if (options.Rate <= 0 || options.Concurrency <= 0 || options.Conversations <= 0 || options.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentException("Rate, concurrency, conversations and duration must be positive.");
        }
        return options;
    }

    public static TimeSpan ParseDuration(string text)
    {
        static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(Number(text[..^2])),
            _ when text.EndsWith('s') => TimeSpan.FromSeconds(Number(text[..^1])),
            _ when text.EndsWith('m') => TimeSpan.FromMinutes(Number(text[..^1])),
            _ => TimeSpan.FromSeconds(Number(text)),
        };
    }
}
