namespace GiBot.Relay;

/// <summary>Keys of what the relay keeps in <see cref="Storage.IBotSettingsStore"/>.</summary>
internal static class RelaySettingKeys
{
    /// <summary>The channel an admin chose in Teams (<see cref="RelayTarget"/> as JSON).</summary>
    public const string Channel = "relay.channel";

    /// <summary>Set once admins were told that no channel is set.</summary>
    public const string NoChannelNoticeSent = "relay.notice.no-channel";

    /// <summary>The thread of one measure in one reporting period, in one channel (<see cref="RelayThreadRoot"/>).</summary>
    public static string Thread(string channelId, int measure, string period) => $"relay.thread:{channelId}:{measure}:{period}";

    /// <summary>Who acknowledged or asked for more on one posted update (<see cref="RelayReviewLog"/>).</summary>
    public static string Reviews(long outboxId) => $"relay.reviews:{outboxId}";

    /// <summary>Admins were told that posting to this channel fails for this reason.</summary>
    public static string FailureNotice(string channelId, int status) => $"relay.notice.failure:{channelId}:{status}";

    /// <summary>When given-up posts were last sent again; a failure after that is told anew.</summary>
    public const string RequeuedAt = "relay.requeued-at";
}
