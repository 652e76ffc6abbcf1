using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GiBot.Load;

/// <summary>
/// What a fan-out achieved. Rates count from the moment all messages were handed over to the moment the
/// connector accepted the last one; the queueing delay of a message is that same interval for it alone
/// (rate-limiter waits, 429 retries and the HTTP exchange together).
/// </summary>
public sealed record FanoutReport(
    int Messages,
    int Conversations,
    double DropAfterAccept,
    int Warmup,
    int Accepted,
    int Lost,
    int Duplicated,
    int CallerFailures,
    int FailedButDelivered,
    int Throttled429,
    int DroppedAfterAccept,
    double SpanSeconds,
    double IdealSpanSeconds,
    double TotalSeconds,
    double RatePerSecond,
    double IdealRatePerSecond,
    double PercentOfIdeal,
    double PercentOfAppLimit,
    Percentiles QueueingDelayMs,
    double FirstAcceptedSeconds,
    double FiftiethAcceptedSeconds,
    IReadOnlyDictionary<string, int> FailureKinds)
{
    public static FanoutReport Build(FanoutOptions options, TurnLedger ledger, string?[] failures, long start, long finished,
        int throttled, int dropped, long idealSpan)
    {
        var delays = new List<double>(options.Messages);
        int accepted = 0, duplicated = 0, failedButDelivered = 0;
        long lastAccept = start;
        for (var n = 0; n < options.Messages; n++)
        {
            var copies = ledger.Replies(n);
            if (copies == 0)
            {
                continue;
            }
            accepted++;
            duplicated += copies - 1;
            if (failures[n] is not null)
            {
                failedButDelivered++;
            }
            delays.Add(PreciseClock.ToMilliseconds(ledger.RepliedAt(n) - start));
            lastAccept = Math.Max(lastAccept, ledger.RepliedAt(n));
        }
        var span = PreciseClock.ToMilliseconds(lastAccept - start) / 1000;
        var ideal = PreciseClock.ToMilliseconds(idealSpan) / 1000;
        var rate = span > 0 ? accepted / span : double.NaN;
        var idealRate = ideal > 0 ? options.Messages / ideal : double.NaN;
        return new FanoutReport(
            options.Messages, options.Conversations, options.DropAfterAccept, options.Warmup,
            accepted, options.Messages - accepted, duplicated,
            failures.Count(f => f is not null), failedButDelivered,
            throttled, dropped,
            span, ideal, PreciseClock.ToMilliseconds(finished - start) / 1000,
            rate, idealRate,
            span > 0 ? 100 * ideal / span : double.NaN,
            100 * rate / TeamsThrottle.GlobalLimit,
            Percentiles.Of(delays),
            delays.Count > 0 ? delays.Min() / 1000 : double.NaN,
            delays.Count > 0 ? delays.Order().ElementAt(Math.Min(49, delays.Count - 1)) / 1000 : double.NaN,
            failures.Where(f => f is not null).GroupBy(f => f!).ToDictionary(g => g.Key, g => g.Count()));
    }

    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        var warm = Warmup > 0 ? string.Create(c, $", after {Warmup} warm-up messages") : "";
        var drop = DropAfterAccept > 0 ? string.Create(c, $", drop after accept p={DropAfterAccept}") : "";
        s.AppendLine(c, $"fan-out: {Messages} messages to {Conversations} conversations, Teams throttle on{drop}{warm}");
        s.AppendLine(c, $"  accepted            {Accepted}   lost {Lost}   duplicated {Duplicated}");
        s.AppendLine(c, $"  429s received       {Throttled429}");
        s.AppendLine(c, $"  dropped after accept {DroppedAfterAccept}   caller told failed {CallerFailures} (of which delivered {FailedButDelivered})");
        foreach (var failure in FailureKinds)
        {
            s.AppendLine(c, $"    failure {failure.Key}: {failure.Value}");
        }
        s.AppendLine(c, $"  last accepted at    {SpanSeconds:0.000} s (total {TotalSeconds:0.000} s)");
        s.AppendLine(c, $"  ideal under limits  {IdealSpanSeconds:0.000} s");
        s.AppendLine(c, $"  first wave          1st accepted at {FirstAcceptedSeconds:0.000} s, 50th at {FiftiethAcceptedSeconds:0.000} s (ideal: both at 0)");
        s.AppendLine(c, $"  rate                {RatePerSecond:0.0} msg/s = {PercentOfAppLimit:0.0} % of 50/s; {PercentOfIdeal:0.0} % of the fastest the limits allow ({IdealRatePerSecond:0.0} msg/s)");
        s.AppendLine(c, $"  queueing delay ms   p50 {QueueingDelayMs.P50:0.0}  p99 {QueueingDelayMs.P99:0.0}  max {QueueingDelayMs.Max:0.0}");
        return s.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, FanoutJson.Options);
}

internal static class FanoutJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}
