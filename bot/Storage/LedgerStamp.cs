namespace GiBot.Storage;

/// <summary>
/// The first column of a processed activity's key: the activity's own <c>timestamp</c> in Unix milliseconds, so that ids
/// arriving in time order are appended at the end of the key's B-tree instead of inserted at random places in it (a
/// random insert wrote about one 4 KB page per id; see docs/benchmarks.md, "Thirteenth round"). The channel sets the
/// timestamp and a redelivery carries the same one, so a repeat is looked up under the stamp it was recorded with.
/// </summary>
public static class LedgerStamp
{
    /// <summary>The stamp of activities without a usable timestamp; such rows age by their processing time.</summary>
    public const long None = 0;

    /// <summary>A timestamp further than this from the recorder's clock is not trusted to order or age the row.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromHours(1);

    /// <summary>The stamp to record under: the timestamp, or <see cref="None"/> when there is none or it is far from <paramref name="now"/>.</summary>
    public static long ToRecord(DateTimeOffset? stampedAt, DateTimeOffset now) =>
        stampedAt is { } at && (at - now).Duration() <= Tolerance ? at.ToUnixTimeMilliseconds() : None;

    /// <summary>
    /// The stamp a lookup tries besides <see cref="None"/>: the timestamp as it is, whatever the clock says now, because
    /// the record may have been made when it was still within <see cref="Tolerance"/>.
    /// </summary>
    public static long ToLookUp(DateTimeOffset? stampedAt) => stampedAt is { } at && at.ToUnixTimeMilliseconds() > 0 ? at.ToUnixTimeMilliseconds() : None;
}
