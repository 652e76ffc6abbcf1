using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GiBot.Tests.Infrastructure;

namespace GiBot.Load;

/// <summary>Resource use sampled at the window's start and after the last measured turn finished.</summary>
public sealed record ResourceSample(TimeSpan BotCpu, TimeSpan GeneratorCpu, TimeSpan MachineBusy, TimeSpan MachineTotal, long Timestamp)
{
    public static ResourceSample Take(BotUnderTest bot)
    {
        var machine = ProcStats.MachineCpu();
        return new ResourceSample(bot.CpuTime(), ProcStats.CpuTime(Environment.ProcessId), machine.Busy, machine.Total, System.Diagnostics.Stopwatch.GetTimestamp());
    }
}

/// <summary>What one turns run measured, as a table or JSON.</summary>
public sealed record TurnReport
{
    public required string Shape { get; init; }
    public required double WindowSeconds { get; init; }
    public required int Turns { get; init; }
    public required double OfferedPerSecond { get; init; }
    public required double CompletedPerSecond { get; init; }

    /// <summary>Replies of any turn (warm-up backlog included) reaching the connector from the window's start to its last reply.</summary>
    public required double ConnectorRepliesPerSecond { get; init; }
    public required SortedDictionary<string, int> HttpStatuses { get; init; }
    public required int RepliesMissing { get; init; }
    public required int RepliesDuplicated { get; init; }
    public required int RepliesUnknown { get; init; }
    public required Percentiles EndToEndMs { get; init; }
    public required Percentiles HttpAnswerMs { get; init; }
    public required Percentiles GeneratorLagMs { get; init; }
    public required int SentLate { get; init; }
    public required double BotCpuMsPerTurn { get; init; }
    public required double BotCpuCores { get; init; }
    public required double BotPeakMemoryMB { get; init; }
    public required double BotMemoryAtEndMB { get; init; }
    public required double GeneratorCpuMsPerTurn { get; init; }
    public required double GeneratorMachineShare { get; init; }
    public required double MachineBusyShare { get; init; }
    public required double OthersMachineShare { get; init; }
    public required int Cores { get; init; }
    public required string LoadAverageBefore { get; init; }
    public required int TokenRequests { get; init; }
    public required int ConnectorCallsWithoutToken { get; init; }
    public required int? ConnectorLimitPerSecond { get; init; }
    public required int Connector429s { get; init; }
    public required int BotLogLines { get; init; }

    public static TurnReport Build(string shape, TurnLedger ledger, (long Start, long End) window, ResourceSample before, ResourceSample after,
        BotUnderTest bot, FakeCloud cloud, FakeConnector connector, bool throttled, string loadAverage)
    {
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var e2e = new List<double>();
        var answer = new List<double>();
        var lag = new List<double>();
        int turns = 0, missing = 0, duplicated = 0, late = 0;
        var lastReply = window.End;
        for (var n = 0; n < ledger.Count; n++)
        {
            var due = ledger.Due(n);
            if (due < window.Start || due >= window.End)
            {
                continue;
            }
            turns++;
            var status = ledger.Status(n);
            var key = status == 0 ? "no answer" : status.ToString(CultureInfo.InvariantCulture);
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
            var sent = ledger.SentAt(n);
            lag.Add(PreciseClock.ToMilliseconds(sent - due));
            if (sent - due > LoadShape.LateThreshold)
            {
                late++;
            }
            if (status != 0)
            {
                answer.Add(PreciseClock.ToMilliseconds(ledger.AnsweredAt(n) - sent));
            }
            switch (ledger.Replies(n))
            {
                case 0:
                    missing++;
                    break;
                case var r:
                    duplicated += r > 1 ? 1 : 0;
                    e2e.Add(PreciseClock.ToMilliseconds(ledger.RepliedAt(n) - sent));
                    lastReply = Math.Max(lastReply, ledger.RepliedAt(n));
                    break;
            }
        }
        var seconds = PreciseClock.ToMilliseconds(window.End - window.Start) / 1000;
        var span = PreciseClock.ToMilliseconds(lastReply - window.Start) / 1000;
        var repliesInSpan = 0;
        for (var n = 0; n < ledger.Count; n++)
        {
            var at = ledger.Replies(n) > 0 ? ledger.RepliedAt(n) : 0;
            repliesInSpan += at >= window.Start && at <= lastReply ? 1 : 0;
        }
        var botCpu = (after.BotCpu - before.BotCpu).TotalMilliseconds;
        var generatorCpu = (after.GeneratorCpu - before.GeneratorCpu).TotalMilliseconds;
        var machineTotal = (after.MachineTotal - before.MachineTotal).TotalMilliseconds;
        var machineBusy = (after.MachineBusy - before.MachineBusy).TotalMilliseconds;
        var elapsed = PreciseClock.ToMilliseconds(after.Timestamp - before.Timestamp);
        return new TurnReport
        {
            Shape = shape,
            WindowSeconds = seconds,
            Turns = turns,
            OfferedPerSecond = turns / seconds,
            // Replies that trail past the window stretch it: a bot that falls behind shows a lower rate.
            CompletedPerSecond = e2e.Count / span,
            ConnectorRepliesPerSecond = repliesInSpan / span,
            HttpStatuses = statuses,
            RepliesMissing = missing,
            RepliesDuplicated = duplicated,
            RepliesUnknown = ledger.UnknownReplies,
            EndToEndMs = Percentiles.Of(e2e),
            HttpAnswerMs = Percentiles.Of(answer),
            GeneratorLagMs = Percentiles.Of(lag),
            SentLate = late,
            BotCpuMsPerTurn = turns == 0 ? 0 : botCpu / turns,
            BotCpuCores = botCpu / elapsed,
            BotPeakMemoryMB = bot.PeakResidentBytes() / 1048576.0,
            BotMemoryAtEndMB = bot.ResidentBytes() / 1048576.0,
            GeneratorCpuMsPerTurn = turns == 0 ? 0 : generatorCpu / turns,
            GeneratorMachineShare = generatorCpu / machineTotal,
            MachineBusyShare = machineBusy / machineTotal,
            OthersMachineShare = Math.Max(0, machineBusy - botCpu - generatorCpu) / machineTotal,
            Cores = Environment.ProcessorCount,
            LoadAverageBefore = loadAverage,
            TokenRequests = cloud.TokenRequests,
            ConnectorCallsWithoutToken = connector.CallsWithoutToken,
            ConnectorLimitPerSecond = throttled ? TeamsThrottle.GlobalLimit : null,
            Connector429s = connector.Throttled,
            BotLogLines = bot.OutputLines,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    });

    public string ToTable()
    {
        var s = new StringBuilder();
        void Row(string name, string value) => s.Append(CultureInfo.InvariantCulture, $"  {name,-34}{value}\n");
        static string Ms(Percentiles p) => string.Create(CultureInfo.InvariantCulture,
            $"p50 {p.P50:0.000}  p90 {p.P90:0.000}  p99 {p.P99:0.000}  p99.9 {p.P999:0.000}  max {p.Max:0.000} ms");
        s.Append(CultureInfo.InvariantCulture, $"GiBot turns: {Shape}, {WindowSeconds:0.#} s measured\n");
        Row("turns in window", Turns.ToString(CultureInfo.InvariantCulture));
        Row("offered / completed turns/s", string.Create(CultureInfo.InvariantCulture, $"{OfferedPerSecond:0.0} / {CompletedPerSecond:0.0}"));
        Row("HTTP statuses", string.Join(", ", HttpStatuses.Select(p => $"{p.Key}: {p.Value}")));
        Row("replies missing / dup / unknown", $"{RepliesMissing} / {RepliesDuplicated} / {RepliesUnknown}");
        Row("e2e latency (sent -> reply)", Ms(EndToEndMs));
        Row("HTTP answer latency", Ms(HttpAnswerMs));
        if (Shape.StartsWith("open", StringComparison.Ordinal))
        {
            Row("generator lag (due -> sent)", Ms(GeneratorLagMs));
            Row("sent more than 1 ms late", SentLate.ToString(CultureInfo.InvariantCulture) + (SentLate > Turns / 100 ? "  (generator fell behind)" : ""));
        }
        Row("bot CPU per turn", string.Create(CultureInfo.InvariantCulture, $"{BotCpuMsPerTurn:0.000} ms  ({BotCpuCores:0.00} cores busy)"));
        Row("bot peak memory (VmHWM)", string.Create(CultureInfo.InvariantCulture, $"{BotPeakMemoryMB:0.0} MB  (RSS at end {BotMemoryAtEndMB:0.0} MB)"));
        Row("generator + fake cloud CPU", string.Create(CultureInfo.InvariantCulture, $"{GeneratorCpuMsPerTurn:0.000} ms/turn, {GeneratorMachineShare:P1} of the machine"));
        Row("machine busy / other processes", string.Create(CultureInfo.InvariantCulture, $"{MachineBusyShare:P1} / {OthersMachineShare:P1} of {Cores} cores"));
        Row("load average before", LoadAverageBefore);
        if (ConnectorLimitPerSecond is { } limit)
        {
            Row("Teams-like connector", string.Create(CultureInfo.InvariantCulture,
                $"{ConnectorRepliesPerSecond:0.0} replies/s = {ConnectorRepliesPerSecond / limit:P1} of {limit}/s, {Connector429s} refused with 429"));
        }
        Row("token requests / unauthed calls", $"{TokenRequests} / {ConnectorCallsWithoutToken}");
        Row("bot log lines (Warning+)", BotLogLines.ToString(CultureInfo.InvariantCulture));
        return s.ToString();
    }
}
