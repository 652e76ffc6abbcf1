using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using GiBot.Storage.Sql;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.FaultDrills;

/// <summary>
/// Issue 11 drill 1: the bot is killed with SIGKILL while 200 people submit their update cards at once,
/// then started again on the same database. Whatever was acknowledged (HTTP 200) before the kill must be
/// stored once and posted to the relay channel once; the channel retries the rest (same activity ids),
/// and then every update is stored once and posted once. One exception, which no bot can avoid without an
/// idempotency key on the connector: a post the connector accepted in the moment before the kill, before
/// the relay outbox recorded it as sent, is posted again after the restart. Takes about 10-20 s.
/// </summary>
public sealed class KillDuringSubmissionsDrill : IAsyncLifetime
{
    private const int Submissions = 200;

    /// <summary>How long before the kill a post may have been accepted without the outbox learning it (one connector call).</summary>
    private static readonly TimeSpan InFlightWindow = TimeSpan.FromSeconds(2);

    private FakeConnector _connector = null!;
    private DrillBot _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new DrillBot(_connector, Submissions);
        await _bot.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static string Progress(int person) => $"演练进展-{person:D3}-已完成专项检查";

    [Fact]
    public async Task Every_acknowledged_update_is_stored_once_and_relayed_once_after_a_kill()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // Everyone opens the card and previews it first; only the final submits race the kill.
        var submits = new JsonObject[Submissions];
        await Parallel.ForAsync(0, Submissions, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellation }, async (i, _) =>
            submits[i] = await CardDialog.PrepareSubmitAsync(_bot, _connector, i, Progress(i)));
        var activities = Enumerable.Range(0, Submissions).Select(i => _bot.Press(i, submits[i], CardDialog.CardId(i))).ToArray();

        // Some receipts are slow to reach the client (as on a busy connector), so when the kill comes some
        // turns are done, some are still running and some requests are not read yet. The slow ones take
        // seconds, so even a test thread starved on a loaded machine kills before every submit is answered.
        _connector.FailNext(Enumerable.Range(0, Submissions / 2)
            .Select(_ => new FakeConnector.ScriptedFailure(200, Body: """{"id":"receipt"}""", PathContains: "/activities/card-") { Delay = TimeSpan.FromSeconds(5) })
            .ToArray());
        var statuses = new ConcurrentDictionary<int, HttpStatusCode?>();
        var acknowledged = 0;
        var posting = Enumerable.Range(0, Submissions).Select(async i =>
        {
            var status = await _bot.PostAsync(activities[i], cancellation);
            statuses[i] = status;
            if (status == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref acknowledged);
            }
        }).ToArray();
        // Kill once part of the submits were acknowledged: some are done, some running, some not yet read.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Volatile.Read(ref acknowledged) < Submissions / 10 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1, cancellation);
        }
        await _bot.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        await Task.WhenAll(posting);
        var acknowledgedBeforeKill = statuses.Where(s => s.Value == HttpStatusCode.OK).Select(s => s.Key).ToHashSet();
        Assert.InRange(acknowledgedBeforeKill.Count, Submissions / 10, Submissions - 1);

        await _bot.StartAsync();
        // The acknowledged ones need nothing more from anyone: wait for their posts before any retry.
        await WaitForRelayAsync(acknowledgedBeforeKill, cancellation);

        // The channel redelivers what it got no 200 for, with the same activity id.
        foreach (var i in Enumerable.Range(0, Submissions).Where(i => !acknowledgedBeforeKill.Contains(i)))
        {
            Assert.Equal(HttpStatusCode.OK, await _bot.PostAsync(activities[i], cancellation));
        }
        await WaitForRelayAsync(Enumerable.Range(0, Submissions).ToHashSet(), cancellation);
        // Give a duplicate post time to show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellation);

        var stored = await StoredProgressAsync(cancellation);
        var posted = RelayPosts();
        var problems = new List<string>();
        for (var i = 0; i < Submissions; i++)
        {
            var copies = posted.Where(p => p.Body.Contains(Progress(i), StringComparison.Ordinal)).Select(p => p.At).Order().ToArray();
            // A second copy is excused only when the first reached the connector just before the kill.
            var inFlightAtKill = copies.Length == 2 && copies[0] <= killedAt && copies[0] >= killedAt - InFlightWindow && copies[1] > killedAt;
            if (stored.GetValueOrDefault(Progress(i)) != 1 || (copies.Length != 1 && !inFlightAtKill))
            {
                problems.Add($"#{i} (acknowledged before kill: {acknowledgedBeforeKill.Contains(i)}): stored {stored.GetValueOrDefault(Progress(i))}, posted at {string.Join(", ", copies.Select(c => c.ToString("HH:mm:ss.fff")))} (kill at {killedAt:HH:mm:ss.fff})");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Bodies of the posts into the relay channel: thread starts and replies in threads.</summary>
    private IReadOnlyList<FakeConnector.Call> RelayPosts() => _connector.Sent
        .Where(c => c.Method == "POST" && (c.Path.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal) || c.Path.Contains(DrillBot.ChannelId, StringComparison.Ordinal)))
        .ToArray();

    private async Task WaitForRelayAsync(IReadOnlySet<int> people, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var posts = RelayPosts();
            var missing = people.Where(i => !posts.Any(p => p.Body.Contains(Progress(i), StringComparison.Ordinal))).ToArray();
            if (missing.Length == 0)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Not relayed within 60 s: {string.Join(", ", missing.Take(20))} ({missing.Length} in all)\n{_bot.Process?.Output}");
            await Task.Delay(100, cancellation);
        }
    }

    /// <summary>How many stored update versions carry each progress text, read from the bot's database file.</summary>
    private async Task<Dictionary<string, int>> StoredProgressAsync(CancellationToken cancellation)
    {
        var store = new SqlProgressUpdateStore(new SqliteDatabase(_bot.DatabasePath), TimeProvider.System);
        var versions = await store.ListAllVersionsAsync(cancellation);
        return versions.GroupBy(v => v.Report.Progress).ToDictionary(g => g.Key, g => g.Count());
    }
}
