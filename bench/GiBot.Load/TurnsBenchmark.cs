using System.Diagnostics;
using GiBot.Protocol.Hosting;
using GiBot.Tests.Infrastructure;

namespace GiBot.Load;

/// <summary>
/// The turns benchmark: fake cloud and connector up, the Release bot started against them with
/// authentication on, one priming turn to prove the path works, then warm-up and the measured window.
/// </summary>
public static class TurnsBenchmark
{
    /// <summary>Raises the bot's per-app send limit (Teams: 50/s per app per tenant) out of the way.</summary>
    public const string GlobalLimitKey = "Connector__RateLimits__Global__0__PermitLimit";

    public static async Task<TurnReport> RunAsync(LoadOptions options, string repositoryRoot, TextWriter progress)
    {
        LoadShape shape = options.Rate is { } rate ? new OpenLoop(rate) : new ClosedLoop(options.Concurrency!.Value);
        var describe = shape.Describe() + (options.LocalMode ? ", LOCAL MODE (no auth)" : "");
        if (!options.NoBuild)
        {
            progress.WriteLine("Building the bot in Release ...");
            await BotUnderTest.BuildAsync(repositoryRoot);
        }
        var work = Directory.CreateTempSubdirectory("gibot-load-");
        try
        {
            using var pki = TestPki.Create();
            using var channelKey = new ChannelKey(BotUnderTest.ChannelKeyId, "msteams");
            await using var cloud = await FakeCloud.StartAsync(pki, BotUnderTest.Tenant, BotFrameworkSettings.PublicIssuer, BotUnderTest.AccessToken);
            cloud.Publish(channelKey);
            var totalSeconds = (options.Warmup + options.Duration).TotalSeconds;
            var ledger = new TurnLedger((int)Math.Min(int.MaxValue / 2, (options.Rate ?? 20_000) * totalSeconds * 1.1 + 1000));
            await using var connector = await FakeConnector.StartAsync(ledger, options.TeamsThrottle ? new TeamsThrottle() : null);
            var environment = new List<KeyValuePair<string, string>>();
            if (!options.KeepBotLimits)
            {
                environment.Add(new(GlobalLimitKey, "1000000"));
            }
            if (options.LocalMode)
            {
                environment.Add(new("MicrosoftAppId", ""));
            }
            environment.AddRange(options.BotEnvironment);
            progress.WriteLine("Starting the bot ...");
            await using var bot = await BotUnderTest.StartAsync(repositoryRoot, cloud, work.FullName, environment);
            using var sender = new TurnSender(
                TurnSender.CreateClient(options.LocalMode ? null : channelKey.CreateToken(BotUnderTest.AppId, connector.ServiceUrl, BotFrameworkSettings.PublicIssuer)),
                bot.MessagesUrl, new TeamsMessages(connector.ServiceUrl, options.Conversations), ledger);

            await PrimeAsync(sender, ledger, bot);
            var reply = connector.FirstReply ?? "";
            progress.WriteLine($"Priming turn answered; the reply: {reply[..Math.Min(reply.Length, 300)]}...");
            progress.WriteLine($"Running {shape.Describe()}: {options.Warmup.TotalSeconds:0.#} s warm-up, {options.Duration.TotalSeconds:0.#} s measured ...");
            var loadAverage = ProcStats.LoadAverage();
            ResourceSample? before = null;
            var window = await shape.RunAsync(sender, ledger, options.Warmup, options.Duration, () => before = ResourceSample.Take(bot));
            await DrainAsync(sender, ledger, progress);
            var after = ResourceSample.Take(bot);
            foreach (var line in bot.FirstOutput)
            {
                progress.WriteLine("bot: " + line);
            }
            return TurnReport.Build(describe, ledger, window, before!, after, bot, cloud, connector, options.TeamsThrottle, loadAverage);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // best effort: a temp directory
            }
        }
    }

    /// <summary>One turn end to end before any load, so a broken setup fails clearly instead of as 100% errors.</summary>
    private static async Task PrimeAsync(TurnSender sender, TurnLedger ledger, BotUnderTest bot)
    {
        var sequence = ledger.Take();
        await sender.SendAsync(sequence, Stopwatch.GetTimestamp());
        if (ledger.Status(sequence) != 200 || ledger.Replies(sequence) != 1)
        {
            throw new InvalidOperationException(
                $"The priming turn failed: HTTP {ledger.Status(sequence)}, {ledger.Replies(sequence)} replies. Bot says: {bot.LastOutput}");
        }
    }

    /// <summary>
    /// Waits for every request to be answered and every reply to arrive (a throttled bot keeps
    /// sending long after it acknowledged), giving up once nothing has moved for 10 s.
    /// </summary>
    private static async Task DrainAsync(TurnSender sender, TurnLedger ledger, TextWriter progress)
    {
        var idleLimit = PreciseClock.FromSeconds(10);
        var lastProgress = Stopwatch.GetTimestamp();
        var replied = ledger.RepliedTurns;
        while ((sender.InFlight > 0 || ledger.RepliedTurns < ledger.Count) && Stopwatch.GetTimestamp() - lastProgress < idleLimit)
        {
            await Task.Delay(5);
            if (ledger.RepliedTurns != replied)
            {
                replied = ledger.RepliedTurns;
                lastProgress = Stopwatch.GetTimestamp();
            }
        }
        if (ledger.RepliedTurns < ledger.Count)
        {
            progress.WriteLine($"Gave up waiting: {ledger.Count - ledger.RepliedTurns} turns have no reply after 10 s without progress.");
        }
    }
}
