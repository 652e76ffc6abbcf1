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
    IReminderStore reminders,
    WorkingHours hours,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
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

    /// <summary>One pass: refresh admins' cycles, plan, then send every due plan (when within working hours). Returns how many plans were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await cycles.RefreshAsync(cancellationToken);
        await planner.PlanAsync(now, cancellationToken);
        if (!hours.IsOpen(now))
        {
            return 0;
        }
        var handled = 0;
        var notReached = new List<RosterPerson>();
        while (await reminders.ClaimDueAsync(_claimer, 20, options.Lease, cancellationToken) is { Count: > 0 } batch)
        {
            foreach (var record in batch)
            {
                notReached.AddRange(await dispatcher.DispatchAsync(record, now, cancellationToken));
                handled++;
            }
        }
        if (notReached.Count > 0)
        {
            await unreachable.TellAsync(notReached, cancellationToken);
        }
        return handled;
    }

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
            if (await Task.WhenAny(Task.Delay(options.PollInterval, time, stoppingToken), woken) == woken)
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
