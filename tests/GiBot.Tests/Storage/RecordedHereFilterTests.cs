using GiBot.Protocol.Connector;
using GiBot.Protocol.Turns;
using GiBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Storage;

/// <summary>
/// The filter may spare a storage lookup only for an activity this process never handed to storage and that the
/// channel stamped after the filter's older generation began (on the connector's clock, with a margin).
/// </summary>
public sealed class RecordedHereFilterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly ConnectorClock _clock;
    private readonly RecordedHereFilter _filter;

    public RecordedHereFilterTests()
    {
        _clock = new ConnectorClock(_time);
        _filter = new RecordedHereFilter(_clock, _time);
    }

    private static ActivityKey Key(int i) => ActivityKey.Of("a:chat-" + (i % 97), "m-" + i);

    /// <summary>The connector answers a request sent now; its Date header reads <paramref name="date"/>.</summary>
    private void Answer(DateTimeOffset date)
    {
        var sentAt = _time.GetTimestamp();
        using var response = new HttpResponseMessage();
        response.Headers.Date = date;
        _clock.Observe(sentAt, response);
    }

    /// <summary>Just after the margin past an answer dated now ("Date + 1 s" on the connector's clock).</summary>
    private DateTimeOffset Later(TimeSpan after) => _time.GetUtcNow() + TimeSpan.FromSeconds(1) + RecordedHereFilter.ClockMargin + TimeSpan.FromMilliseconds(1) + after;

    [Fact]
    public void Until_the_connector_has_answered_every_activity_may_be_stored()
    {
        Assert.True(_filter.MayBeStored(Key(1), Start.AddMinutes(5)));
    }

    [Fact]
    public void A_new_activity_stamped_after_the_filter_began_is_not_stored()
    {
        Answer(Start);
        Assert.False(_filter.MayBeStored(Key(1), Later(TimeSpan.Zero)));
        // Without a timestamp nothing is known about when it was sent.
        Assert.True(_filter.MayBeStored(Key(1), null));
    }

    [Fact]
    public void An_activity_stamped_before_the_filter_began_or_within_the_margin_may_be_stored()
    {
        Answer(Start);
        // "Date + 1 s" is the begin; the channel's clock may be behind the connector's by the margin.
        var begin = Start.AddSeconds(1);
        Assert.True(_filter.MayBeStored(Key(1), Start.AddMinutes(-1)));
        Assert.True(_filter.MayBeStored(Key(1), begin + RecordedHereFilter.ClockMargin));
        Assert.False(_filter.MayBeStored(Key(1), begin + RecordedHereFilter.ClockMargin + TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void An_answer_to_a_request_sent_before_the_filter_began_does_not_date_it()
    {
        var sentBefore = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(2));
        var filter = new RecordedHereFilter(_clock, _time);
        using (var response = new HttpResponseMessage())
        {
            response.Headers.Date = Start;
            _clock.Observe(sentBefore, response);
        }
        Assert.True(filter.MayBeStored(Key(1), Later(TimeSpan.FromMinutes(1))));

        _time.Advance(ConnectorClock.SampleInterval);
        Answer(_time.GetUtcNow());
        Assert.False(filter.MayBeStored(Key(1), Later(TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void Every_id_handed_to_storage_may_be_stored()
    {
        Answer(Start);
        for (var i = 0; i < 50_000; i++)
        {
            _filter.Add(Key(i));
        }
        var stamped = Later(TimeSpan.Zero);
        for (var i = 0; i < 50_000; i++)
        {
            Assert.True(_filter.MayBeStored(Key(i), stamped));
        }
    }

    [Fact]
    public void Few_new_ids_are_sent_to_storage_by_mistake()
    {
        Answer(Start);
        for (var i = 0; i < RecordedHereFilter.IdsPerGeneration - 1; i++)
        {
            _filter.Add(Key(i));
        }
        var stamped = Later(TimeSpan.Zero);
        var mistaken = 0;
        const int Tries = 100_000;
        for (var i = 0; i < Tries; i++)
        {
            if (_filter.MayBeStored(ActivityKey.Of("a:other", "n-" + i), stamped))
            {
                mistaken++;
            }
        }
        Assert.InRange(mistaken, 0, Tries / 200);
    }

    [Fact]
    public void When_a_generation_is_dropped_its_ids_and_its_time_are_no_longer_covered()
    {
        Answer(Start);
        _filter.Add(Key(-1));
        // Fill the first generation: the second begins now, dated by the next answer.
        _time.Advance(TimeSpan.FromMinutes(1));
        for (var i = 1; i < RecordedHereFilter.IdsPerGeneration; i++)
        {
            _filter.Add(Key(i));
        }
        Answer(_time.GetUtcNow());
        _filter.Add(Key(0));
        Assert.True(_filter.MayBeStored(Key(-1), Later(TimeSpan.Zero)));

        // Fill the second: the first is dropped, so the oldest covered time is the second's begin.
        var secondBegan = _time.GetUtcNow().AddSeconds(1);
        _time.Advance(TimeSpan.FromMinutes(1));
        for (var i = 1; i < RecordedHereFilter.IdsPerGeneration; i++)
        {
            _filter.Add(ActivityKey.Of("a:third", "t-" + i));
        }
        Answer(_time.GetUtcNow());

        // Stamped between the first's and the second's begin: this process may have recorded it, the filter no longer says.
        Assert.True(_filter.MayBeStored(ActivityKey.Of("a:new", "x"), secondBegan - TimeSpan.FromSeconds(30)));
        // Stamped after the second began and never added: not stored.
        Assert.False(_filter.MayBeStored(ActivityKey.Of("a:new", "x"), Later(TimeSpan.Zero)));
        // An id of the second generation is still known.
        Assert.True(_filter.MayBeStored(Key(0), Later(TimeSpan.Zero)));
    }
}
