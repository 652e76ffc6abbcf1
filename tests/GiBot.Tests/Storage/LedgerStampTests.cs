using GiBot.Storage;

namespace GiBot.Tests.Storage;

public sealed class LedgerStampTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_timestamp_near_the_clock_is_recorded_as_its_unix_milliseconds()
    {
        var at = Now.AddMinutes(-59).AddMilliseconds(123);
        Assert.Equal(at.ToUnixTimeMilliseconds(), LedgerStamp.ToRecord(at, Now));
        Assert.Equal(Now.AddMinutes(30).ToUnixTimeMilliseconds(), LedgerStamp.ToRecord(Now.AddMinutes(30), Now));
    }

    [Theory]
    [InlineData(-61)]
    [InlineData(61)]
    [InlineData(-60 * 24 * 365 * 30)]
    public void A_timestamp_far_from_the_clock_is_recorded_unstamped(int minutes) =>
        Assert.Equal(LedgerStamp.None, LedgerStamp.ToRecord(Now.AddMinutes(minutes), Now));

    [Fact]
    public void No_timestamp_is_recorded_and_looked_up_unstamped()
    {
        Assert.Equal(LedgerStamp.None, LedgerStamp.ToRecord(null, Now));
        Assert.Equal(LedgerStamp.None, LedgerStamp.ToLookUp(null));
    }

    [Fact]
    public void A_lookup_uses_the_timestamp_whatever_the_clock_says()
    {
        var longAgo = Now.AddDays(-1);
        Assert.Equal(longAgo.ToUnixTimeMilliseconds(), LedgerStamp.ToLookUp(longAgo));
        Assert.Equal(LedgerStamp.None, LedgerStamp.ToLookUp(DateTimeOffset.UnixEpoch.AddMilliseconds(-5)));
    }
}
