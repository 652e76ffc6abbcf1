using GiBot.Reminders.Nudges;
using GiBot.Reminders.Schedule;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Reminders.Sending;

/// <summary>
/// Plans the ladder and sends what is due, every <see cref="ReminderOptions.PollInterval"/> on the injected
/// clock, or at once when woken (a manual nudge, a snooze). Plans live in the database, so a restart
/// catches up what fell due meanwhile, and claims are exclusive, so several instances may run this.
/// Nothing is sent outside working hours: due plans wait for the next working period.
/// </summary>
public sealed partial class ReminderScheduler(
    ReminderOptions options,
    WorkingDayCalendar calendar,
    CycleSettings cycles,
    ReminderPlanner planner,
    ReminderDispatcher dispatcher,
    UnreachableNotice unreachable,
    NudgeRefusalNotice refusedNudges,
    IReminderStore reminders,
    WorkingHours hours,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    // Large enough to take a whole rung at once (every measure and unit due at that time), so each person's
    // reminders of the rung are claimed together and go out as one digest.
    private const int ClaimBatch = 500;

    private readonly SemaphoreSlim _wake = new(0);
    private readonly string _claimer = Environment.MachineName + ":" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Runs a pass soon instead of at the next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>
    /// One pass: refresh admins' cycles, plan, then send due plans (when within working hours) as one digest per
    /// person and rung. Returns how many plans were finished. Due plans are claimed together (up to
    /// <see cref="ClaimBatch"/>), and a pass stops sending after half a lease (handing back the plans of digests it
    /// has not started), so a fan-out to hundreds of people neither holds a claim past its lease nor keeps the
    /// poller from planning; the next pass follows at once.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        await cycles.RefreshAsync(cancellationToken);
        await planner.PlanAsync(started, cancellationToken);
        var handled = 0;
        var notReached = new List<RosterPerson>();
        var refused = new List<NudgeRefusal>();
        var refusedChats = new List<RefusedChat>();
        var budget = options.Lease / 2;
        while (hours.IsOpen(time.GetUtcNow()))
        {
            if (handled > 0 && time.GetUtcNow() - started >= budget)
            {
                Wake();
                break;
            }
            var batch = await reminders.ClaimDueAsync(_claimer, ClaimBatch, options.Lease, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            var claimedAt = time.GetUtcNow();
            var dispatch = await dispatcher.DispatchAsync(batch, claimedAt, claimedAt + budget, cancellationToken);
            notReached.AddRange(dispatch.Unreachable);
            refused.AddRange(dispatch.RefusedNudges);
            refusedChats.AddRange(dispatch.RefusedChats);
            handled += dispatch.Finished;
            if (dispatch.HandedBack)
            {
                Wake();
                break;
            }
        }
        if (notReached.Count > 0 || refusedChats.Count > 0)
        {
            await unreachable.TellAsync(notReached, refusedChats, cancellationToken);
        }
        if (refused.Count > 0)
        {
            await refusedNudges.TellAsync(refused, cancellationToken);
        }
        return handled;
    }

    /// <summary>
    /// How long the poller sleeps after a pass at <paramref name="now"/>: the poll interval in working hours,
    /// otherwise until they open (nothing can be sent before; reports cancel plans without the poller, and
    /// an admin's nudge or cycle change wakes it).
    /// </summary>
    public TimeSpan NextPassIn(DateTimeOffset now) =>
        hours.IsOpen(now) ? options.PollInterval : TimeSpan.FromTicks(Math.Max(options.PollInterval.Ticks, (hours.NextOpen(now) - now).Ticks));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }
        var thisYear = hours.LocalDay(time.GetUtcNow()).Year;
        foreach (var year in new[] { thisYear, thisYear + 1 }.Where(y => !calendar.HasScheduleFor(y)))
        {
            LogNoCalendar(logger, year);
        }
        Task? woken = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(logger, e);
            }
            // One wait on the wake signal outlives the delays, so no wake-up is swallowed by an abandoned wait.
            woken ??= _wake.WaitAsync(stoppingToken);
            if (await Task.WhenAny(Task.Delay(NextPassIn(time.GetUtcNow()), time, stoppingToken), woken) == woken)
            {
                woken = null;
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No holiday calendar for {Year} (bot/Resources/calendar/{Year}.json): reminders that year count Monday to Friday as working days until the State Council notice is added")]
    private static partial void LogNoCalendar(ILogger logger, int year);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder pass failed; retrying at the next poll")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
