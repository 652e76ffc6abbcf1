namespace GiBot.Protocol.Connector;

/// <summary>
/// The cancellation of one connector attempt, armed first with the call's remaining time (while it waits for a
/// rate-limit permit) and then with the attempt timeout. On the system clock one source per thread is kept for
/// reuse (<see cref="CancellationTokenSource.TryReset"/>): an attempt that ended in time leaves a source whose timer
/// can be armed again, instead of a new source, linked source and timer per attempt.
/// </summary>
internal sealed class AttemptTimer
{
    [ThreadStatic]
    private static AttemptTimer? t_spare;

    private readonly CancellationTokenSource _source = new();
    private readonly TimeProvider _time;
    private ITimer? _timer;

    private AttemptTimer(TimeProvider time) => _time = time;

    public static AttemptTimer Rent(TimeProvider time)
    {
        if (time == TimeProvider.System && t_spare is { } spare)
        {
            t_spare = null;
            return spare;
        }
        return new AttemptTimer(time);
    }

    public CancellationToken Token => _source.Token;

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>Cancels after <paramref name="delay"/> from now (replacing an earlier arming); at once when it is not positive.</summary>
    public void Arm(TimeSpan delay)
    {
        delay = delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        if (_time == TimeProvider.System)
        {
            _source.CancelAfter(delay);
            return;
        }
        // Another clock (tests): its own timer, which cancels the source when that clock says so.
        _timer ??= _time.CreateTimer(static source => ((CancellationTokenSource)source!).Cancel(), _source, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Links the caller's token: its cancellation cancels the attempt.</summary>
    public CancellationTokenRegistration Link(CancellationToken cancellationToken) =>
        cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source);

    /// <summary>The attempt is over and its token used no more.</summary>
    public void Return()
    {
        if (_timer is not null)
        {
            // Not disposed: the other clock's timer callback may still run and must find the source usable.
            _timer.Dispose();
            return;
        }
        if (_time == TimeProvider.System && t_spare is null && _source.TryReset())
        {
            t_spare = this;
        }
        else
        {
            _source.Dispose();
        }
    }
}
