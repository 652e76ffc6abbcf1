namespace GiBot.Relay;

/// <summary>What the channel did with one relayed update: acknowledgements and requests for more, oldest first.</summary>
public sealed record RelayReviewLog(IReadOnlyList<RelayReview> Reviews)
{
    public static RelayReviewLog Empty { get; } = new([]);

    public RelayReviewLog With(RelayReview review) => new([.. Reviews, review]);
}

public sealed record RelayReview(string Kind, string? AadObjectId, string Name, DateTimeOffset At, string? Comment = null)
{
    public const string Acknowledged = "ack";
    public const string MoreRequested = "more";
}

/// <summary>A thread of one measure in one reporting period: its first message, which shows the latest status per unit.</summary>
public sealed record RelayThreadRoot(string ChannelId, string RootActivityId, DateTimeOffset CreatedAt);
