using System.Diagnostics;

namespace GiBot.Load;

/// <summary>
/// How turns are offered: open loop (a fixed rate, whether or not the bot keeps up) or closed loop
/// (N senders, each sending its next turn when the bot answered the last). Both run a warm-up first
/// (JIT, connection pools, token and key caches) and measure only the turns due in the window after it.
/// </summary>
public abstract class LoadShape
{
    public abstract string Describe();

    /// <summary>Runs warm-up and window; calls <paramref name="windowStarts"/> as the window opens. Returns the window (timestamps).</summary>
    public abstract Task<(long Start, long End)> RunAsync(TurnSender sender, TurnLedger ledger, TimeSpan warmup, TimeSpan duration, Action windowStarts);

    /// <summary>Turns the generator sent more than this late count as "fell behind".</summary>
    public static readonly long LateThreshold = PreciseClock.FromSeconds(0.001);
}

/// <summary>
/// A fixed rate (after a linear ramp-up during the warm-up) from a dedicated thread that sleeps until each turn is due (sub-millisecond, no
/// spinning). A turn sent late is still sent (never skipped), and its lateness is reported.
/// </summary>
public sealed class OpenLoop(double rate) : LoadShape
{
    public double Rate => rate;

    public override string Describe() => $"open loop, {rate:0.#} turns/s";

    public override Task<(long Start, long End)> RunAsync(TurnSender sender, TurnLedger ledger, TimeSpan warmup, TimeSpan duration, Action windowStarts)
    {
        var done = new TaskCompletionSource<(long, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(Schedule(sender, ledger, warmup, duration, windowStarts));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        { IsBackground = true, Name = "open-loop scheduler" };
        thread.Start();
        return done.Task;
    }

    private (long, long) Schedule(TurnSender sender, TurnLedger ledger, TimeSpan warmup, TimeSpan duration, Action windowStarts)
    {
        var start = Stopwatch.GetTimestamp() + PreciseClock.FromSeconds(0.01);
        var windowStart = start + PreciseClock.FromSeconds(warmup.TotalSeconds);
        var end = windowStart + PreciseClock.FromSeconds(duration.TotalSeconds);
        var opened = false;
        double dueSeconds = 0;
        while (true)
        {
            var due = start + PreciseClock.FromSeconds(dueSeconds);
            // The warm-up ramps from a tenth of the rate to all of it: a cold bot (tier-0 code) hit
            // at full rate builds a backlog that would still be draining in the window.
            var current = dueSeconds >= warmup.TotalSeconds ? rate : rate * (0.1 + 0.9 * dueSeconds / warmup.TotalSeconds);
            dueSeconds += 1 / current;
            if (due >= end)
            {
                break;
            }
            if (Stopwatch.GetTimestamp() < due)
            {
                PreciseClock.SleepUntil(due);
            }
            if (!opened && due >= windowStart)
            {
                windowStarts();
                opened = true;
            }
            var sequence = ledger.Take();
            if (sequence < 0)
            {
                throw new InvalidOperationException("The turn ledger is full: lower the rate or the duration.");
            }
            _ = sender.SendAsync(sequence, due);
        }
        return (windowStart, end);
    }
}

/// <summary>N senders back to back: the most the bot can do with N turns in flight.</summary>
public sealed class ClosedLoop(int concurrency) : LoadShape
{
    public int Concurrency => concurrency;

    public override string Describe() => $"closed loop, {concurrency} in flight";

    public override async Task<(long Start, long End)> RunAsync(TurnSender sender, TurnLedger ledger, TimeSpan warmup, TimeSpan duration, Action windowStarts)
    {
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + PreciseClock.FromSeconds(warmup.TotalSeconds);
        var end = windowStart + PreciseClock.FromSeconds(duration.TotalSeconds);
        var opener = Task.Run(async () =>
        {
            await Task.Delay(warmup);
            windowStarts();
        });
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() is var now && now < end)
            {
                var sequence = ledger.Take();
                if (sequence < 0)
                {
                    throw new InvalidOperationException("The turn ledger is full: lower the duration.");
                }
                await sender.SendAsync(sequence, now);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        await opener;
        return (windowStart, end);
    }
}
