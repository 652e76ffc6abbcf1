using System.Globalization;

namespace GiBot.Protocol.Hosting;

/// <summary>
/// Section <c>Messages</c>: how many turns may run at once, how many more may wait for a slot, and how
/// long one waits before the bot answers 503 with <c>Retry-After</c>.
/// </summary>
public sealed record TurnAdmissionOptions
{
    public int MaxTurnsInFlight { get; init; } = 256;

    public int QueueLimit { get; init; } = 512;

    /// <summary>Well inside Teams' 15 s acknowledgement window, so a queued turn still has time to run.</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>What the 503 tells the caller; the connector service treats 503 as retryable.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    public static TurnAdmissionOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Messages");
        var defaults = new TurnAdmissionOptions();
        return new TurnAdmissionOptions
        {
            MaxTurnsInFlight = Positive(section, nameof(MaxTurnsInFlight), defaults.MaxTurnsInFlight),
            QueueLimit = int.TryParse(section[nameof(QueueLimit)], NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) && q >= 0 ? q : defaults.QueueLimit,
            QueueTimeout = TimeSpan.TryParse(section[nameof(QueueTimeout)], CultureInfo.InvariantCulture, out var t) && t >= TimeSpan.Zero ? t : defaults.QueueTimeout,
            RetryAfter = TimeSpan.TryParse(section[nameof(RetryAfter)], CultureInfo.InvariantCulture, out var r) && r > TimeSpan.Zero ? r : defaults.RetryAfter,
        };
    }

    private static int Positive(IConfigurationSection section, string key, int fallback) =>
        int.TryParse(section[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
}
