namespace GiBot.Load;

/// <summary>
/// Per-turn timestamps (Stopwatch ticks), indexed by the turn's sequence number, which is also its
/// activity id (<c>t{n}</c>): when it was due, sent, answered over HTTP, and when its reply reached
/// the fake connector. Arrays rather than dictionaries so recording costs the generator next to nothing.
/// </summary>
public sealed class TurnLedger(int capacity)
{
    public const string IdPrefix = "t";

    private readonly long[] _due = new long[capacity];
    private readonly long[] _sent = new long[capacity];
    private readonly long[] _answered = new long[capacity];
    private readonly long[] _replied = new long[capacity];
    private readonly int[] _status = new int[capacity];
    private readonly int[] _replies = new int[capacity];
    private int _next = -1;
    private int _unknownReplies;
    private int _repliedTurns;

    public int Capacity => capacity;

    /// <summary>Turns handed out so far.</summary>
    public int Count => Math.Min(Volatile.Read(ref _next) + 1, capacity);

    public int UnknownReplies => Volatile.Read(ref _unknownReplies);

    /// <summary>Turns with at least one reply.</summary>
    public int RepliedTurns => Volatile.Read(ref _repliedTurns);

    /// <summary>The next sequence number, or -1 when the ledger is full.</summary>
    public int Take()
    {
        var n = Interlocked.Increment(ref _next);
        return n < capacity ? n : -1;
    }

    public static string ActivityId(int sequence) => IdPrefix + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Sent(int n, long due, long sent)
    {
        _due[n] = due;
        _sent[n] = sent;
    }

    /// <summary>Status 0 means the request failed without an HTTP answer.</summary>
    public void Answered(int n, int status, long at)
    {
        _status[n] = status;
        _answered[n] = at;
    }

    public void Replied(ReadOnlySpan<char> replyToId, long at)
    {
        if (!replyToId.StartsWith(IdPrefix) || !int.TryParse(replyToId[IdPrefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            || n < 0 || n >= capacity)
        {
            Interlocked.Increment(ref _unknownReplies);
            return;
        }
        if (Interlocked.Increment(ref _replies[n]) == 1)
        {
            _replied[n] = at;
            Interlocked.Increment(ref _repliedTurns);
        }
    }

    public long Due(int n) => _due[n];

    public long SentAt(int n) => _sent[n];

    public long AnsweredAt(int n) => _answered[n];

    public long RepliedAt(int n) => _replied[n];

    public int Status(int n) => _status[n];

    public int Replies(int n) => Volatile.Read(ref _replies[n]);
}
