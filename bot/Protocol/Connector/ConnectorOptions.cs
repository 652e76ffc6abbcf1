using Microsoft.Extensions.Options;

namespace GiBot.Protocol.Connector;

/// <summary>
/// The <c>Connector</c> configuration section: retries, timeouts and the outbound rate limits.
/// The defaults follow Teams' documented limits (protocol.md section 5); tests shrink the delays.
/// </summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Connector";

    public ConnectorRetryOptions Retry { get; set; } = new();

    public ConnectorRateLimitOptions RateLimits { get; set; } = new();

    public ConnectorConnectionOptions Connections { get; set; } = new();

    /// <summary>Problems with the configured values, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Retry.MaxRetryAttempts < 0)
        {
            problems.Add("Connector:Retry:MaxRetryAttempts must be 0 or more.");
        }
        if (Retry.BaseDelay <= TimeSpan.Zero || Retry.MaxDelay < Retry.BaseDelay)
        {
            problems.Add("Connector:Retry:BaseDelay must be positive and MaxDelay at least BaseDelay.");
        }
        if (Retry.MaxRetryAfter < TimeSpan.Zero)
        {
            problems.Add("Connector:Retry:MaxRetryAfter must not be negative.");
        }
        if (Retry.AttemptTimeout <= TimeSpan.Zero || Retry.TotalTimeout < Retry.AttemptTimeout)
        {
            problems.Add("Connector:Retry:AttemptTimeout must be positive and TotalTimeout at least AttemptTimeout.");
        }
        if (RateLimits.QueueLimit < 0 || RateLimits.WindowMargin < TimeSpan.Zero)
        {
            problems.Add("Connector:RateLimits:QueueLimit and WindowMargin must not be negative.");
        }
        if (RateLimits.PerConversation.Concat(RateLimits.Global).Any(w => w.PermitLimit < 1 || w.Window <= TimeSpan.Zero))
        {
            problems.Add("Every Connector:RateLimits window needs PermitLimit of 1 or more and a positive Window.");
        }
        if (Connections.PooledConnectionLifetime <= TimeSpan.Zero || Connections.PooledConnectionIdleTimeout <= TimeSpan.Zero
            || Connections.MaxConnectionsPerServer < 1)
        {
            problems.Add("Connector:Connections:PooledConnectionLifetime and PooledConnectionIdleTimeout must be positive and MaxConnectionsPerServer at least 1.");
        }
        return problems;
    }
}

/// <summary>The connection pool to the connector hosts.</summary>
public sealed class ConnectorConnectionOptions
{
    /// <summary>A connection is replaced after this long, so a changed DNS answer for the connector host is followed.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An idle connection is closed after this long.</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Concurrent connections per connector host; every request in flight needs one (HTTP/1.1).</summary>
    public int MaxConnectionsPerServer { get; set; } = int.MaxValue;
}

public sealed class ConnectorRetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>First backoff delay when the connector gave no Retry-After; doubles with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on the computed backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest Retry-After waited for; a longer one fails the call at once (never retry early).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>One HTTP exchange, excluding time spent queued in the rate limiter.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole call: every attempt, backoff delay and rate-limiter wait.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);
}

public sealed class ConnectorRateLimitOptions
{
    /// <summary>Teams' per-bot, per-thread limits for sends and conversation creation.</summary>
    public List<RateWindow> PerConversation { get; set; } = [];

    /// <summary>Teams' per-app limit across all conversations.</summary>
    public List<RateWindow> Global { get; set; } = [];

    /// <summary>Calls that may wait for one conversation's permits; one more is refused.</summary>
    public int QueueLimit { get; set; } = 500;

    /// <summary>
    /// Added to every window when calls count from when they were <see cref="CallCountedAt.Sent"/>: Teams counts
    /// arrivals, and network jitter can bring two calls closer together than they left. Not used with
    /// <see cref="CallCountedAt.Answered"/>, which needs none.
    /// </summary>
    public TimeSpan WindowMargin { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// Which moment of a call the windows count from. Teams counts a call when it reaches it: after the bot sent
    /// it and before the answer is back. <see cref="CallCountedAt.Answered"/> (the default) counts it from its
    /// answer, the latest moment Teams can have counted an answered call (a call that timed out or lost its connection counts from then too), so however late Teams counted it (a cold connection,
    /// a busy service) the next calls still keep the windows; each window then lasts one answer time longer than
    /// Teams' own. <see cref="CallCountedAt.Sent"/> takes the moment the body went on the wire and relies on
    /// <see cref="WindowMargin"/> alone (faster when answers are slow; a call Teams counts late can draw a 429).
    /// </summary>
    public CallCountedAt CountAt { get; set; } = CallCountedAt.Answered;

    /// <summary>The documented limits, used when the configuration names no window.</summary>
    public static IReadOnlyList<RateWindow> DefaultPerConversation { get; } =
    [
        new() { PermitLimit = 7, Window = TimeSpan.FromSeconds(1) },
        new() { PermitLimit = 8, Window = TimeSpan.FromSeconds(2) },
        new() { PermitLimit = 60, Window = TimeSpan.FromSeconds(30) },
        new() { PermitLimit = 1800, Window = TimeSpan.FromHours(1) },
    ];

    public static IReadOnlyList<RateWindow> DefaultGlobal { get; } =
    [
        new() { PermitLimit = 50, Window = TimeSpan.FromSeconds(1) },
    ];

    internal IReadOnlyList<RateWindow> EffectivePerConversation => PerConversation.Count > 0 ? PerConversation : DefaultPerConversation;

    internal IReadOnlyList<RateWindow> EffectiveGlobal => Global.Count > 0 ? Global : DefaultGlobal;
}

/// <summary>Which moment of a connector call its rate-limit windows count from.</summary>
public enum CallCountedAt
{
    /// <summary>When its answer (or failure) arrived.</summary>
    Answered,

    /// <summary>When its body was written to the connection.</summary>
    Sent,
}

/// <summary>At most <see cref="PermitLimit"/> calls within any <see cref="Window"/>.</summary>
public sealed class RateWindow
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>Refuses to start with unusable connector settings, naming each problem.</summary>
internal sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options) =>
        options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
