using System.Globalization;

namespace GiBot.Load;

/// <summary>Command line: <c>fanout --messages N [--conversations K] [--drop-after-accept P]</c>.</summary>
public sealed class FanoutOptions
{
    public const string Usage = """
        usage: GiBot.Load fanout --messages N [options]
          --messages N            proactive messages to send, all handed to the bot's connector client at once
          --conversations K       distinct 1:1 conversations they go to, round robin (default N: one each)
          --drop-after-accept P   the fake connector accepts a message, then drops the connection
                                  with probability P (0..1): counts duplicates that retries would cause
          --warmup W              first send W messages to other conversations (JIT and connection pool
                                  warm, as in a bot that has been running), wait 2 s, then measure
          --warm-connector        before anything else, one raw-socket call warms the fake connector (Kestrel,
                                  its throttle) but none of the bot's code; then 1.1 s pause. Teams is never cold
          --set KEY=VALUE         override a configuration key of the bot (repeatable),
                                  e.g. Connector:RateLimits:CountAt=Sent
          --json                  print the report as JSON instead of a table
        The fake connector always throttles like Teams (per conversation 7/1 s, 8/2 s, 60/30 s, 1800/h;
        50/s per app) with 429 + Retry-After.
        """;

    public int Messages { get; private set; }
    public int Conversations { get; private set; }
    public double DropAfterAccept { get; private set; }
    public int Warmup { get; private set; }
    public bool Json { get; private set; }
    public bool WarmConnector { get; private set; }
    public List<KeyValuePair<string, string?>> Settings { get; } = [];

    public static FanoutOptions Parse(string[] args)
    {
        var options = new FanoutOptions();
        int? conversations = null;
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--messages": options.Messages = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--conversations": conversations = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--drop-after-accept": options.DropAfterAccept = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--warmup": options.Warmup = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--json": options.Json = true; break;
                case "--warm-connector": options.WarmConnector = true; break;
                case "--set":
                    var setting = Value();
                    var equals = setting.IndexOf('=', StringComparison.Ordinal);
                    if (equals < 1)
                    {
                        throw new ArgumentException("--set needs KEY=VALUE.");
                    }
                    options.Settings.Add(new(setting[..equals], setting[(equals + 1)..]));
                    break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        options.Conversations = conversations ?? options.Messages;
        if (options.Messages <= 0 || options.Conversations <= 0 || options.Conversations > options.Messages)
        {
            throw new ArgumentException("--messages must be positive and --conversations between 1 and --messages.");
        }
        if (options.Warmup < 0)
        {
            throw new ArgumentException("--warmup must not be negative.");
        }
        if (options.DropAfterAccept is < 0 or > 1)
        {
            throw new ArgumentException("--drop-after-accept must be between 0 and 1.");
        }
        return options;
    }
}
