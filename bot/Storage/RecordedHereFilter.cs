using GiBot.Protocol.Connector;
using GiBot.Protocol.Turns;

namespace GiBot.Storage;

/// <summary>
/// Spares the storage lookup of a new activity when storage cannot know it. Only this process writes its SQLite file
/// (<see cref="Sql.SqliteFileLock"/>), so an activity can be in storage only if this process recorded it or an earlier
/// run did. This filter holds every id this process handed to storage, in two Bloom-filter generations (no false "no",
/// a false "maybe" for ~0.3 % of ids, which then take the lookup); the older generation is dropped when the newer one
/// is full. An activity is known to storage only through this filter when the channel stamped it after the older live
/// generation began, which also puts it after this process started: <see cref="ConnectorClock"/> gives a time on the
/// Teams side's clock known to be after that moment, and <see cref="ClockMargin"/> allows for the connector's and the
/// channel's clocks to differ. Any other activity (no timestamp, stamped earlier, a "maybe") takes the lookup.
/// </summary>
public sealed class RecordedHereFilter(ConnectorClock clock, TimeProvider time)
{
    /// <summary>Ids per generation: at ~7,000 turns a second a generation lasts ~19 s, so the two cover 19–37 s.</summary>
    public const int IdsPerGeneration = 1 << 17;

    /// <summary>How far the channel's clock (activity timestamps) may be behind the connector's (Date headers).</summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(10);

    private const int HashesPerId = 5;

    private readonly Lock _gate = new();
    private Generation _current = new(time.GetTimestamp());
    private Generation? _previous;

    /// <summary>
    /// False only when storage certainly does not know the activity; true when it may (ask storage).
    /// <paramref name="stampedAt"/> is the activity's <c>timestamp</c>, set by the channel.
    /// </summary>
    public bool MayBeStored(ActivityKey key, DateTimeOffset? stampedAt)
    {
        if (stampedAt is not { } stamped)
        {
            return true;
        }
        lock (_gate)
        {
            var oldest = _previous ?? _current;
            if (Begun(oldest) is not { } begun || stamped <= begun + ClockMargin)
            {
                return true;
            }
            return _current.MayContain(key) || _previous?.MayContain(key) == true;
        }
    }

    /// <summary>This process hands the id to storage (called before the write, so the filter is never behind it).</summary>
    public void Add(ActivityKey key)
    {
        lock (_gate)
        {
            Begun(_current);
            _current.Add(key);
            if (_current.Count >= IdsPerGeneration)
            {
                var recycled = _previous ?? new Generation(0);
                recycled.Reset(time.GetTimestamp());
                _previous = _current;
                _current = recycled;
            }
        }
    }

    /// <summary>The generation's start on the connector's clock, once an answer tells it.</summary>
    private DateTimeOffset? Begun(Generation generation) =>
        generation.BegunOnConnectorClock ??= clock.TimeAfter(generation.CreatedAt);

    private sealed class Generation(long createdAt)
    {
        private const int Bits = 1 << 21;
        private readonly ulong[] _words = new ulong[Bits / 64];

        public long CreatedAt { get; private set; } = createdAt;

        public DateTimeOffset? BegunOnConnectorClock { get; set; }

        public int Count { get; private set; }

        public void Add(ActivityKey key)
        {
            var (first, step) = Split(key);
            for (var i = 0; i < HashesPerId; i++)
            {
                var bit = (first + (ulong)i * step) & (Bits - 1);
                _words[bit >> 6] |= 1UL << (int)(bit & 63);
            }
            Count++;
        }

        public bool MayContain(ActivityKey key)
        {
            var (first, step) = Split(key);
            for (var i = 0; i < HashesPerId; i++)
            {
                var bit = (first + (ulong)i * step) & (Bits - 1);
                if ((_words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
                {
                    return false;
                }
            }
            return true;
        }

        public void Reset(long createdAt)
        {
            Array.Clear(_words);
            Count = 0;
            CreatedAt = createdAt;
            BegunOnConnectorClock = null;
        }

        // Two independent halves of the 128-bit key; the odd step visits distinct bits.
        private static (ulong First, ulong Step) Split(ActivityKey key) => ((ulong)key.Hash, (ulong)(key.Hash >> 64) | 1);
    }
}
