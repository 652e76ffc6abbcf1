using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GiBot.Overview.Export;
using GiBot.Storage.Sql;
using GiBot.Tests.Auth;
using GiBot.Tests.Infrastructure;
using GiBot.Tests.Measures;
using GiBot.Updates;

namespace GiBot.Tests.NativeAot;

/// <summary>One Native AOT bot process for the class, with authentication and console telemetry on.</summary>
public sealed class NativeBotFixture : IAsyncLifetime
{
    public NativeBot Bot { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Bot = await NativeBot.StartAsync(new Dictionary<string, string?>
    {
        ["Telemetry__Enabled"] = "true",
        ["Telemetry__Exporter"] = "console",
    });

    public async ValueTask DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
    }
}

/// <summary>
/// The native executable does what the JIT build does: reflection-free JSON, configuration binding, minimal
/// APIs, MSAL, IdentityModel, SQLite, SpreadCheetah and OpenTelemetry all run in the published binary.
/// </summary>
public sealed class NativeAotBotTests(NativeBotFixture fixture) : IClassFixture<NativeBotFixture>
{
    private NativeBot Bot => fixture.Bot;

    [Fact]
    public async Task A_signed_question_about_measure_8_gets_its_owners_with_a_token_from_the_cloud()
    {
        var reply = await Bot.AskAsync(NativeBot.Liaison, "who is responsible for measure 8");

        var text = NativeBot.Text(reply);
        Assert.Equal("en", NativeBot.Card(reply)!["lang"]!.GetValue<string>());
        foreach (var owner in TestRegistry.Registry.Find(8)!.Owners)
        {
            Assert.Contains(owner.Name, text, StringComparison.Ordinal);
            Assert.Contains(owner.NameEn.Split(' ')[0], text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("人事科", text, StringComparison.Ordinal);
        var call = Bot.Connector.Sent.Single(c => c.Path.EndsWith("/activities/" + reply["replyToId"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(call.Authorization, Bot.Cloud.IssuedTokens.Select(t => "Bearer " + t));
        Assert.Empty(Bot.Cloud.OtherRequests);
        Assert.Empty(Bot.Proxy.Requests);
    }

    [Fact]
    public void The_GC_settings_embedded_at_publish_are_the_ones_in_effect()
    {
        // The runtime drops a setting whose name it does not know without a word (an embedded "GCgen0MaxBudget"
        // once left the ceiling at 6 MB): the start-up line shows what it applied (bot/GiBot.csproj's IlcArg values).
        Assert.Contains("Garbage collector: workstation, background gen2, gen0 budget ceiling 2048 KB, regions 1024 KB, conserve memory 9, hard limit 0 KB", Bot.Bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_width_digits_in_a_Chinese_question_are_read_as_the_measure_number()
    {
        // The question parser folds full-width forms with NFKC (QuestionText): it must work in the native binary too.
        var reply = await Bot.AskAsync(NativeBot.Liaison, "第８项措施谁负责");

        Assert.Contains("第 8 项措施", NativeBot.Text(reply), StringComparison.Ordinal);
        Assert.Equal("zh", NativeBot.Card(reply)!["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forged_tokens_are_refused_with_401_and_nothing_is_processed()
    {
        var serviceUrl = Bot.Connector.ServiceUrl;
        var forgeries = new[]
        {
            ChannelTokens.Create(Bot.ForgerKey, serviceUrl),
            ChannelTokens.HmacWithPublicKey(Bot.TeamsKey, serviceUrl),
            ChannelTokens.Tampered(Bot.ValidToken()),
            ChannelTokens.Unsigned(Bot.TeamsKey, serviceUrl),
        };
        for (var i = 0; i < forgeries.Length; i++)
        {
            var activity = Bot.Message(NativeBot.Liaison, "who is responsible for measure 8", id: $"forged-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, await Bot.PostAsync(activity, "Bearer " + forgeries[i]));
        }

        // A valid turn afterwards is answered; none of the forged ones ever was.
        await Bot.AskAsync(NativeBot.Liaison, "help");
        Assert.DoesNotContain(Bot.Connector.Calls, c => c.Path.Contains("/activities/forged-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_submitted_on_the_card_is_stored_relayed_and_in_the_ledger_xlsx()
    {
        var progress = $"原生进展-{Guid.NewGuid():N}";
        var liaison = NativeBot.Liaison;
        await Bot.AskAsync(liaison, "汇报第8项");
        var form = await WaitForCardAsync(liaison.Conversation, UpdateVerbs.Preview);
        var data = CardButtons.FilledUpdateForm(form, progress);
        Assert.Equal(HttpStatusCode.OK, await Bot.PostAsync(Bot.Press(liaison, data, "native-card-1")));
        var preview = await WaitForCardAsync(liaison.Conversation, UpdateVerbs.Submit);
        Assert.Equal(HttpStatusCode.OK, await Bot.PostAsync(Bot.Press(liaison, CardButtons.Data(preview, UpdateVerbs.Submit), "native-card-1")));

        // Relayed: a post into the 知识产权保护科 channel carrying the progress text.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!Bot.Connector.Sent.Any(c => c.Method == "POST" && c.Body.Contains(progress, StringComparison.Ordinal)
            && (c.Path.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal) || c.Path.Contains(NativeBot.RelayChannel, StringComparison.Ordinal))))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not relayed within 20 s.\n{Bot.Bot.Output}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        // Stored once, read from the bot's own database file.
        var versions = await new SqlProgressUpdateStore(new SqliteDatabase(Bot.DatabasePath), TimeProvider.System).ListAllVersionsAsync(TestContext.Current.CancellationToken);
        var stored = Assert.Single(versions, v => v.Report.Progress == progress);
        Assert.Equal(8, stored.Report.Measure);

        // The 督办台账 link downloads a workbook OpenXml can read back, with the update in the row of measure 8 / 执法稽查科.
        var export = await Bot.AskAsync(NativeBot.Admin, "导出台账");
        var link = NativeBot.Card(export)!["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>();
        using var response = await Bot.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = ReadSheet(await response.Content.ReadAsByteArrayAsync(), out var sheetName);
        Assert.Equal(LedgerXlsx.SheetName, sheetName);
        Assert.Equal("序号", rows[0][0]);
        var row = Assert.Single(rows, r => r.Contains(progress));
        Assert.Equal(["8", "执法稽查科", "推进中"], new[] { row[0], row[3], row[4] });
    }

    [Fact]
    public async Task Readiness_is_reported_as_json_and_the_turn_is_traced_on_the_console()
    {
        using var ready = await Bot.GetAsync(Bot.Bot.BaseUrl + "/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.True(report["ready"]!.GetValue<bool>());
        Assert.Equal("ok", report["checks"]!.AsObject().Single().Value!.GetValue<string>());

        await Bot.AskAsync(NativeBot.Liaison, "help");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!(Bot.Bot.Output.Contains("Activity.TraceId:", StringComparison.Ordinal) && Bot.Bot.Output.Contains("/api/messages", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No trace of the turn on the console.\n{Bot.Bot.Output}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private async Task<JsonObject> WaitForCardAsync(string conversation, string verb)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var card = Bot.Connector.Sent
                .Where(c => c.Path.StartsWith($"/v3/conversations/{conversation}/activities", StringComparison.Ordinal))
                .Select(c => c.Json?["attachments"]?.AsArray().FirstOrDefault()?["content"] as JsonObject)
                .LastOrDefault(c => c is not null && CardButtons.Has(c, verb));
            if (card is not null)
            {
                return card;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"No card with {verb} reached {conversation}.\n{Bot.Bot.Output}");
    }


    private static List<string[]> ReadSheet(byte[] bytes, out string sheetName)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        sheetName = sheet.Name!.Value!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
        return data.Elements<Row>().Select(row => row.Elements<Cell>().Select(c => TextOf(c, strings)).ToArray()).ToList();
    }

    /// <summary>A cell's text whether it is in the shared string table, inline (<c>t="inlineStr"</c>) or a formula's string (<c>t="str"</c>).</summary>
    private static string TextOf(Cell cell, string[] strings) => cell.DataType?.Value switch
    {
        { } t when t == CellValues.SharedString => strings[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)],
        { } t when t == CellValues.InlineString => cell.InlineString?.InnerText ?? "",
        _ => cell.CellValue?.Text ?? "",
    };
}
