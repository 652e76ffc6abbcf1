namespace GiBot.Relay;

/// <summary>
/// The <c>Relay</c> configuration section: the 知识产权保护科 channel (unless an admin sets one in
/// Teams with "在此频道接收进展"), the leads @mentioned for 重大问题, and the sender's timing.
/// </summary>
public sealed class RelayOptions
{
    public const string SectionName = "Relay";

    public string? TeamId { get; set; }

    public string? ChannelId { get; set; }

    /// <summary>Optional: otherwise taken from the channel's stored conversation reference.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Optional: otherwise the channel reference's tenant, then MicrosoftAppTenantId.</summary>
    public string? TenantId { get; set; }

    /// <summary>Optional: the bot's Teams id (<c>28:…</c>); otherwise the channel reference's, then 28:MicrosoftAppId.</summary>
    public string? BotId { get; set; }

    /// <summary>AAD object ids of the section leads @mentioned on every 重大问题 post.</summary>
    public List<string> Leads { get; set; } = [];

    /// <summary>Off only in tests that need updates to stay in the outbox (a "crash" before posting).</summary>
    public bool SenderEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claimed message belongs to this instance. It must outlast one delivery (up to three
    /// connector calls, each bounded by Connector:Retry:TotalTimeout), or another instance may post it too.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    public int BatchSize { get; set; } = 10;

    /// <summary>First wait after a transient failure that the connector's own retries did not overcome; doubles per attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan BackoffFor(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var delay = RetryBaseDelay * Math.Pow(2, exponent);
        return delay > RetryMaxDelay ? RetryMaxDelay : delay;
    }
}
