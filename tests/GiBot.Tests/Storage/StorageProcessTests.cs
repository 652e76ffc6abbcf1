using System.Diagnostics;
using System.Text.Json.Nodes;
using GiBot.Storage;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using GiBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Storage;

/// <summary>The built bot as a process: failing fast at start, and the export command.</summary>
public sealed class StorageProcessTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DatabasePath => _directory.File("export.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Unreachable_storage_at_start_is_one_line_and_a_non_zero_exit()
    {
        var unusedPort = BotProcess.FreePort();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = $"Host=127.0.0.1;Port={unusedPort};Username=gibot;Password=x;Database=gibot;Timeout=2",
        }));

        Assert.Contains("exited with code 3", failure.Message);
        var output = failure.Message[(failure.Message.IndexOf('\n') + 1)..].Trim();
        var line = Assert.Single(output.Split('\n'), l => l.Contains("GiBot cannot start", StringComparison.Ordinal));
        Assert.Contains($"PostgreSQL 127.0.0.1:{unusedPort}/gibot", line);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Password=x", output);
    }

    [Fact]
    public async Task What_was_stored_before_a_kill_9_is_there_afterwards()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using (var bot = await BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Storage__SqlitePath"] = DatabasePath,
            ["ConnectionStrings__Postgres"] = null,
            ["MicrosoftAppId"] = "",
        }))
        {
            using var http = new HttpClient();
            var activity = Activities.Message(connector.ServiceUrl, "help");
            using var response = await http.PostAsync(bot.MessagesUrl, new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            await connector.WaitForSentAsync(1);
            await bot.KillAsync();
        }

        var store = new SqlConversationReferenceStore(new SqliteDatabase(DatabasePath), new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()), TimeProvider.System);
        var reference = await store.FindPersonalChatAsync(Activities.UserAad, CancellationToken.None);
        Assert.Equal(connector.ServiceUrl, reference?.ServiceUrl);
    }

    private async Task SeedAsync()
    {
        var database = new SqliteDatabase(DatabasePath);
        await new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        // A minute between versions: the export orders by time, and three writes within one clock tick would tie.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        var updates = new SqlProgressUpdateStore(database, time);
        var by = new Submitter("aad-1", "李联络");
        var first = await updates.SubmitAsync(new ProgressReport(8, "zfj", "2026-11", "推进中", 60, "检查3次, 发现\"问题\"", null, "继续", false, null, null), by, "k1", [], CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await updates.CorrectAsync(first.Update!.UpdateId, 1, new ProgressReport(8, "zfj", "2026-11", "推进中", 70, "检查4次\n第二行", null, "继续", false, null, null), by, "k2", [], CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await updates.SubmitAsync(new ProgressReport(3, "wsx", "2026-11", "受阻", null, "=SUM(A1)", "经费", null, true, "经费未到位", "https://example.org/e"), by, "k3", [], CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunBotAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory.Path,
        };
        start.ArgumentList.Add(BotProcess.BotAssemblyPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Storage__SqlitePath"] = DatabasePath;
        start.Environment.Remove("ConnectionStrings__Postgres");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Export_as_csv_writes_every_version_and_nothing_else_to_stdout()
    {
        await SeedAsync();
        var (code, stdout, stderr) = await RunBotAsync("export", "--format", "csv");

        Assert.True(code == 0, stderr);
        var lines = stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("update_id,version,is_current,measure,unit_id,period,status,percent_complete,progress,", lines[0]);
        Assert.Contains(",1,false,8,zfj,2026-11,推进中,60,\"检查3次, 发现\"\"问题\"\"\",", stdout);
        Assert.Contains(",2,true,8,zfj,2026-11,推进中,70,\"检查4次\n第二行\",", stdout);
        Assert.Contains(",1,true,3,wsx,2026-11,受阻,,'=SUM(A1),经费,,true,经费未到位,https://example.org/e,aad-1,李联络,", stdout);
    }

    [Fact]
    public async Task Export_as_json_to_a_file_holds_every_version()
    {
        await SeedAsync();
        var (code, stdout, stderr) = await RunBotAsync("export", "--format", "json", "--output", "updates.json");

        Assert.True(code == 0, stderr);
        Assert.Equal("", stdout);
        Assert.Contains("Exported 3 update versions", stderr);
        var updates = JsonNode.Parse(await File.ReadAllTextAsync(_directory.File("updates.json")))!.AsArray();
        Assert.Equal([(8, 1, false), (8, 2, true), (3, 1, true)],
            updates.Select(u => (u!["measure"]!.GetValue<int>(), u["version"]!.GetValue<int>(), u["isCurrent"]!.GetValue<bool>())));
        Assert.Equal("检查4次\n第二行", updates[1]!["progress"]!.GetValue<string>());
        Assert.Null(updates[2]!["percentComplete"]);
        Assert.True(updates[2]!["majorIssue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Export_with_an_unknown_format_says_how_to_use_it()
    {
        var (code, stdout, stderr) = await RunBotAsync("export", "--format", "xml");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("Unknown format 'xml'", stderr);
        Assert.Contains("export --format csv|json", stderr);
    }
}
