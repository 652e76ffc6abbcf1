using GiBot.Protocol.Connector;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Connector;

public sealed class ConnectorClockTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Noon);

    private static HttpResponseMessage Dated(DateTimeOffset? date)
    {
        var response = new HttpResponseMessage();
        response.Headers.Date = date;
        return response;
    }

    [Fact]
    public void An_answer_dates_the_moments_before_its_request_was_sent()
    {
        var clock = new ConnectorClock(_time);
        var before = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromMilliseconds(5));
        var sentAt = _time.GetTimestamp();
        using var response = Dated(Noon.AddHours(-3));
        clock.Observe(sentAt, response);

        // The connector's clock may be hours off ours: only its own reading counts, plus the second Date drops.
        Assert.Equal(Noon.AddHours(-3).AddSeconds(1), clock.TimeAfter(before));
        Assert.Equal(Noon.AddHours(-3).AddSeconds(1), clock.TimeAfter(sentAt));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(clock.TimeAfter(_time.GetTimestamp()));
    }

    [Fact]
    public void Answers_without_a_date_tell_nothing_and_one_answer_a_second_is_read()
    {
        var clock = new ConnectorClock(_time);
        var since = _time.GetTimestamp();
        using (var undated = Dated(null))
        {
            clock.Observe(since, undated);
        }
        Assert.Null(clock.TimeAfter(since));

        using (var first = Dated(Noon))
        {
            clock.Observe(since, first);
        }
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var laterSend = _time.GetTimestamp();
        using (var tooSoon = Dated(Noon.AddSeconds(30)))
        {
            clock.Observe(laterSend, tooSoon);
        }
        Assert.Null(clock.TimeAfter(laterSend));

        _time.Advance(ConnectorClock.SampleInterval);
        using (var next = Dated(Noon.AddSeconds(31)))
        {
            clock.Observe(laterSend, next);
        }
        Assert.Equal(Noon.AddSeconds(32), clock.TimeAfter(laterSend));
    }
}
