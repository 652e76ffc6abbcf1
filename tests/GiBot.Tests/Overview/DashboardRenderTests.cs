using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using GiBot.Measures.Registry;
using GiBot.Overview;
using GiBot.Overview.Dashboard;
using GiBot.Tests.Cards;
using GiBot.Tests.EndToEnd;
using GiBot.Tests.Roster;
using GiBot.Updates;

namespace GiBot.Tests.Overview;

/// <summary>
/// The dashboard behind its signed link, rendered in headless Chromium (Debian's /usr/bin/chromium driven by
/// playwright-core from tests/e2e) at phone and desktop widths. Screenshots go to the test output directory.
/// Takes about 3 s (one browser start).
/// </summary>
public sealed class DashboardRenderTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private OverviewBot _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _bot = await OverviewBot.StartAsync();
        await _bot.ReportAsync(9, "执法稽查科", "2026-11", UpdateStatus.InProgress, 60);
        await _bot.ReportAsync(9, "温县市场监督管理局", "2026-11", UpdateStatus.Completed, 100);
        await _bot.ReportAsync(8, "反不正当竞争科", "2026-11", UpdateStatus.InProgress, 30, major: true);
        foreach (var unit in new[] { "知识产权保护科", "知识产权维权保护中心" })
        {
            await _bot.ReportAsync(14, unit, "2026-11", UpdateStatus.InProgress, 80);
        }
    }

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_page_is_self_contained_chinese_and_shows_each_measure_and_unit()
    {
        var html = await DashboardHtmlAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
        for (var n = 1; n <= 20; n++)
        {
            Assert.Contains($"id=\"measure-{n}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("<li class=\"row red\" id=\"measure-8\">", html, StringComparison.Ordinal);
        Assert.Contains("温县市场监督管理局", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_user_gets_the_dashboard_in_english()
    {
        var (text, card) = await _bot.AskAsync(TeamsUser.Admin, "dashboard");
        Assert.StartsWith("Progress dashboard: [open](", text, StringComparison.Ordinal);
        var response = await _bot.GetAsync(OverviewBot.LinkOf(card!));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2>By unit</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Wen County", html, StringComparison.Ordinal);
        Assert.Contains("<h2>By measure</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("按单位", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_report_text_never_becomes_markup_on_the_dashboard()
    {
        await _bot.ReportAsync(1, "知识产权保护科", "2026-11", UpdateStatus.InProgress, 10, major: true, progress: "<script>alert('进展')</script>", by: "<img src=x onerror=alert(1)>");
        var html = await DashboardHtmlAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_label_on_the_page_is_html_escaped()
    {
        var snapshot = await _bot.Get<OverviewBuilder>().BuildAsync(null, CancellationToken.None);
        var evil = new Unit("<script>alert(\"科\")</script>&局", "Evil", UnitKind.CountyBureau, []);
        var first = snapshot.Measures[0];
        var tampered = snapshot with { Measures = [first with { Units = [first.Units[0] with { Unit = evil }] }, .. snapshot.Measures.Skip(1)] };
        var html = DashboardPage.Render(tampered, TimeSpan.FromHours(8));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&quot;科&quot;)&lt;/script&gt;&amp;局", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chromium_renders_it_readably_at_phone_and_desktop_widths()
    {
        var node = PlaygroundAvailability.FindNode();
        var script = RepositoryFiles.Path("tests", "e2e", "dashboard-screenshots.mjs");
        var driver = RepositoryFiles.Path("tests", "e2e", "node_modules", "playwright-core", "package.json");
        var problem = node is null ? "Node.js is not on PATH" : !File.Exists(driver) ? "playwright-core is not installed (npm ci --prefix tests/e2e)" : !File.Exists(Chromium) ? $"{Chromium} is missing" : null;
        if (problem is not null)
        {
            new PlaygroundAvailability(false, problem, !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))).Require();
        }

        var output = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard");
        Directory.CreateDirectory(output);
        var page = Path.Combine(output, "dashboard.html");
        await File.WriteAllTextAsync(page, await DashboardHtmlAsync());

        var results = (await RunAsync(node!, script, page, output)).Select(r => r!.AsObject()).ToArray();
        Assert.Equal(["phone", "desktop"], results.Select(r => r["viewport"]!.GetValue<string>()));
        foreach (var r in results)
        {
            var viewport = r["viewport"]!.GetValue<string>();
            Assert.True(File.Exists(r["screenshot"]!.GetValue<string>()), viewport);
            Assert.True(new FileInfo(r["screenshot"]!.GetValue<string>()).Length > 10_000, $"{viewport} screenshot is nearly empty");
            Assert.Equal("zh-CN", r["lang"]!.GetValue<string>());
            Assert.Equal(0, r["scripts"]!.GetValue<int>());
            // No sideways scrolling on a phone; every bar row inside the viewport; text not shrunk below 12 px.
            Assert.True(r["scrollWidth"]!.GetValue<double>() <= r["clientWidth"]!.GetValue<double>(), $"{viewport}: page scrolls sideways");
            Assert.True(r["rowsInside"]!.GetValue<bool>(), $"{viewport}: a row overflows");
            Assert.True(r["labelFontPx"]!.GetValue<double>() >= 12, $"{viewport}: labels too small");
            Assert.Equal(20, r["measureRows"]!.GetValue<int>());
            var bars = r["bars"]!.AsArray().Select(b => b!).ToDictionary(b => b["id"]!.GetValue<string>());
            // Measure 14: two of its units at 80%; the bar is as long as the measure's mean percent.
            var units14 = _bot.Get<GiBot.Roster.Units.UnitCatalog>().ResponsibleUnits(_bot.Get<GiBot.Measures.Registry.MeasureRegistry>().Find(14)!).Count;
            var expected = Math.Round(160.0 / units14, MidpointRounding.AwayFromZero) / 100;
            var bar14 = bars["measure-14"];
            Assert.InRange(bar14["fill"]!.GetValue<double>() / bar14["track"]!.GetValue<double>(), expected - 0.01, expected + 0.01);
            Assert.Equal("red", bars["measure-8"]["rag"]!.GetValue<string>());
            Assert.Equal("rgb(198, 40, 40)", bars["measure-8"]["fillColor"]!.GetValue<string>());
            Assert.Equal(0, bars["measure-1"]["fill"]!.GetValue<double>());
        }
        var phone = results[0];
        Assert.True(phone["width"]!.GetValue<int>() < 400);
    }

    private async Task<string> DashboardHtmlAsync()
    {
        var (_, card) = await _bot.AskAsync(TeamsUser.Admin, "看板");
        var response = await _bot.GetAsync(OverviewBot.LinkOf(card!));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<JsonArray> RunAsync(string node, string script, string page, string output)
    {
        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(script)! };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(page);
        start.ArgumentList.Add(output);
        start.Environment["CHROMIUM_PATH"] = Chromium;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dashboard-screenshots.mjs exited {process.ExitCode}: {await stderr}");
        return JsonNode.Parse(await stdout)!.AsArray();
    }
}
