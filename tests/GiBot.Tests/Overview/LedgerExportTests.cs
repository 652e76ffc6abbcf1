using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GiBot.Overview.Export;
using GiBot.Roster.Units;
using GiBot.Storage.Export;
using GiBot.Tests.Roster;
using GiBot.Updates;
using Microsoft.Extensions.Configuration;

namespace GiBot.Tests.Overview;

/// <summary>The 督办台账 downloaded through the bot's signed link, read back cell by cell (XLSX) and field by field (CSV).</summary>
public sealed class LedgerExportTests : IAsyncLifetime
{
    private const string Tricky = "检查 3 家, 发现\"问题\"\n已整改";
    private readonly string _database = Path.Combine(Path.GetTempPath(), "gibot-tests", Guid.NewGuid().ToString("N"), "gibot.db");
    private OverviewBot _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _bot = await OverviewBot.StartAsync(new() { ["Storage:SqlitePath"] = _database });
        await _bot.ReportAsync(9, "执法稽查科", "2026-11", UpdateStatus.InProgress, 60, progress: Tricky);
        await _bot.ReportAsync(9, "知识产权保护科", "2026-10", UpdateStatus.Blocked, 20, progress: "=1+1");
        await _bot.ReportAsync(8, "反不正当竞争科", "2026-11", UpdateStatus.InProgress, null, major: true, by: "钱科员");
    }

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    private int Slots => Enumerable.Range(1, 20).Sum(n => _bot.Get<UnitCatalog>().ResponsibleUnits(_bot.Get<UnitCatalog>().Registry.Find(n)!).Count);

    private int Owed => Slots - 2;

    /// <summary>October (due 10-23) is overdue on 11-20: every unit owes it but 知识产权保护科 on measure 9, which reported it.</summary>
    private int OwedOctober => Slots - 1;

    [Fact]
    public async Task The_xlsx_holds_one_row_per_measure_unit_and_period_with_every_column()
    {
        var bytes = await DownloadAsync("导出台账", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheet = ReadSheet(bytes, out var sheetName);
        Assert.Equal(LedgerXlsx.SheetName, sheetName);
        Assert.Equal(["序号", "举措", "具体措施", "责任单位", "状态", "完成率", "工作进展", "存在问题", "下步计划", "重大问题", "提交人", "提交时间", "报送期"], sheet[0].Select(c => c.Text));
        Assert.Equal(1 + 3 + Owed + OwedOctober, sheet.Count);

        var enforcement = Row(sheet, "9", "执法稽查科", "2026-11");
        Assert.Equal(("9", CellValues.Number), (enforcement[0].Text, enforcement[0].Type));
        Assert.Equal("（八）严厉打击地理标志侵权假冒行为", enforcement[1].Text);
        Assert.StartsWith("严格监督和查处地理标志专用标志使用人", enforcement[2].Text, StringComparison.Ordinal);
        Assert.Equal("推进中", enforcement[4].Text);
        Assert.Equal((0.6, CellValues.Number, 9u, "0%"), (double.Parse(enforcement[5].Text, CultureInfo.InvariantCulture), enforcement[5].Type, enforcement[5].NumberFormat, enforcement[5].FormatCode));
        Assert.Equal([Tricky, "", "继续推进", "否", "李联络"], enforcement[6..11].Select(c => c.Text));
        Assert.Equal((new DateTime(2026, 11, 20, 10, 0, 0), CellValues.Number, LedgerXlsx.DateTimeFormat), (Date(enforcement[11]), enforcement[11].Type, enforcement[11].FormatCode));
        Assert.True(enforcement[11].NumberFormat >= 164, "提交时间 uses a custom number format");

        var major = Row(sheet, "8", "反不正当竞争科", "2026-11");
        Assert.Equal(["推进中", "", "按计划推进", "人手不足", "继续推进", "是：需协调执法力量", "钱科员"], major[4..11].Select(c => c.Text));

        // One unit, two periods: the October report and the November one it still owes.
        Assert.Equal("=1+1", Row(sheet, "9", "知识产权保护科", "2026-10")[6].Text);
        Assert.Contains(Row(sheet, "9", "知识产权保护科", "2026-10")[6].Type, new[] { CellValues.SharedString, CellValues.InlineString, CellValues.String });
        Assert.Equal(LedgerBuilder.NotReported, Row(sheet, "9", "知识产权保护科", "2026-11")[4].Text);
        Assert.Equal(LedgerBuilder.NotReported, Row(sheet, "9", "温县市场监督管理局", "2026-11")[4].Text);

        var numbers = sheet.Skip(1).Select(r => int.Parse(r[0].Text, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(numbers.Order(), numbers);
    }

    [Fact]
    public async Task The_xlsx_has_a_bold_frozen_header_a_filter_over_the_data_column_widths_and_wrapped_top_aligned_text()
    {
        var bytes = await DownloadAsync("导出台账", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rowCount = ReadSheet(bytes, out _).Count;
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var worksheet = ((WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single().Id!)).Worksheet;
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        var fonts = stylesheet.Fonts!.Elements<Font>().ToArray();
        var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToArray();

        var pane = worksheet.GetFirstChild<SheetViews>()!.Elements<SheetView>().Single().Pane!;
        Assert.Equal((1.0, "A2", PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value));
        Assert.True((pane.HorizontalSplit?.Value ?? 0) == 0, "no frozen columns");
        Assert.Equal($"A1:M{rowCount}", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);

        var widths = worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToDictionary(c => c.Min!.Value, c => c.Width!.Value);
        Assert.Equal([6.0, 24, 48, 26, 12, 9, 40, 30, 30, 20, 12, 17, 10], Enumerable.Range(1, 13).Select(i => widths[(uint)i]));

        foreach (var cell in rows[0].Elements<Cell>())
        {
            var format = formats[(int)cell.StyleIndex!.Value];
            Assert.NotNull(fonts[(int)format.FontId!.Value].Bold);
            Assert.Equal((true, VerticalAlignmentValues.Center), (format.Alignment!.WrapText!.Value, format.Alignment.Vertical!.Value));
        }
        foreach (var cell in rows[1..].SelectMany(r => r.Elements<Cell>()).Where(c => c.DataType?.Value == CellValues.InlineString || c.DataType?.Value == CellValues.SharedString))
        {
            var format = formats[(int)cell.StyleIndex!.Value];
            Assert.Null(fonts[(int)(format.FontId?.Value ?? 0)].Bold);
            Assert.Equal((true, VerticalAlignmentValues.Top), (format.Alignment!.WrapText!.Value, format.Alignment.Vertical!.Value));
        }
    }

    [Fact]
    public async Task The_csv_has_a_bom_and_the_same_rows_as_the_xlsx_with_quoting_and_formula_guard()
    {
        var csv = await DownloadAsync("导出 csv", "text/csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var records = ParseCsv(Encoding.UTF8.GetString(csv, 3, csv.Length - 3));
        var sheet = ReadSheet(await DownloadAsync("导出台账", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), out _);
        Assert.Equal(sheet.Count, records.Count);
        Assert.Equal(sheet[0].Select(c => c.Text), records[0]);
        var enforcement = records.Single(r => r[0] == "9" && r[3] == "执法稽查科" && r[12] == "2026-11");
        Assert.Equal(["60%", Tricky, "李联络"], new[] { enforcement[5], enforcement[6], enforcement[10] });
        Assert.Equal("'=1+1", records.Single(r => r[0] == "9" && r[3] == "知识产权保护科" && r[12] == "2026-10")[6]);
        Assert.Equal(records.Count(r => r[4] == LedgerBuilder.NotReported), Owed);
        Assert.Equal(records.Count(r => r[4] == LedgerBuilder.OverdueNotReported), OwedOctober);
    }

    [Fact]
    public async Task The_export_command_writes_the_ledger_as_xlsx_without_owed_rows()
    {
        var output = Path.Combine(Path.GetDirectoryName(_database)!, "ledger.xlsx");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Cards.RepositoryFiles.Path("appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = _database })
            .Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, await StorageCommands.ExportAsync(["--format", "xlsx"], configuration, Path.GetTempPath(), stdout, stderr));
        Assert.Contains("--output", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await StorageCommands.ExportAsync(["--format", "xlsx", "--output", output], configuration, Path.GetTempPath(), stdout, stderr));
        var sheet = ReadSheet(await File.ReadAllBytesAsync(output), out _);
        Assert.Equal(4, sheet.Count);
        Assert.Equal(["8", "9", "9"], sheet.Skip(1).Select(r => r[0].Text));
        Assert.Equal(new DateTime(2026, 11, 20, 10, 0, 0), Date(Row(sheet, "9", "执法稽查科", "2026-11")[11]));
    }

    [Fact]
    public async Task Word_line_breaks_control_characters_and_tab_led_formulas_are_exported_safely()
    {
        await _bot.ReportAsync(10, "执法稽查科", "2026-11", UpdateStatus.InProgress, 50, progress: "第一行\v第二行\u0001完成😀");
        await _bot.ReportAsync(20, "执法稽查科", "2026-11", UpdateStatus.InProgress, 50, progress: "\t=HYPERLINK(\"http://x\")");
        var sheet = ReadSheet(await DownloadAsync("导出台账", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), out _);
        Assert.Equal("第一行\n第二行完成😀", Row(sheet, "10", "执法稽查科", "2026-11")[6].Text);
        var records = ParseCsv(Encoding.UTF8.GetString(await DownloadAsync("导出 csv", "text/csv"))[1..]);
        Assert.Equal("'\t=HYPERLINK(\"http://x\")", records.Single(r => r[0] == "20" && r[3] == "执法稽查科" && r[12] == "2026-11")[6]);
    }

    private static DateTime Date(CellRead cell) => DateTime.FromOADate(double.Parse(cell.Text, CultureInfo.InvariantCulture));

    private async Task<byte[]> DownloadAsync(string command, string mediaType)
    {
        var (_, card) = await _bot.AskAsync(TeamsUser.Admin, command);
        var response = await _bot.GetAsync(OverviewBot.LinkOf(card!));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("督办台账", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A cell: its text, its type (a number when the cell names none), its number format id and that format's code.</summary>
    private sealed record CellRead(string Text, CellValues Type, uint? NumberFormat, string? FormatCode);

    private static List<CellRead[]> ReadSheet(byte[] bytes, out string sheetName)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        sheetName = sheet.Name!.Value!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        var codes = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        codes[9] = "0%";
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
        var rows = new List<CellRead[]>();
        foreach (var row in data.Elements<Row>())
        {
            var cells = row.Elements<Cell>().ToArray();
            Assert.Equal(LedgerRow.Headers.Count, cells.Length);
            for (var i = 0; i < cells.Length; i++)
            {
                Assert.Equal($"{LedgerXlsx.Column(i)}{rows.Count + 1}", cells[i].CellReference!.Value);
            }
            Assert.All(cells, c => Assert.Null(c.CellFormula));
            rows.Add(cells.Select(c =>
            {
                var format = c.StyleIndex is { } style ? formats[(int)style.Value].NumberFormatId?.Value : null;
                return new CellRead(TextOf(c, strings), c.DataType?.Value ?? CellValues.Number, format, format is { } id ? codes.GetValueOrDefault(id) : null);
            }).ToArray());
        }
        return rows;
    }

    /// <summary>A cell's text whether it is in the shared string table, inline (<c>t="inlineStr"</c>) or a formula's string (<c>t="str"</c>).</summary>
    private static string TextOf(Cell cell, string[] strings) => cell.DataType?.Value switch
    {
        { } t when t == CellValues.SharedString => strings[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)],
        { } t when t == CellValues.InlineString => cell.InlineString?.InnerText ?? "",
        _ => cell.CellValue?.Text ?? "",
    };

    private static CellRead[] Row(List<CellRead[]> sheet, string measure, string unit, string period) =>
        sheet.Single(r => r[0].Text == measure && r[3].Text == unit && r[12].Text == period);

    /// <summary>RFC 4180: fields separated by commas, quoted fields may hold commas, doubled quotes and line breaks.</summary>
    internal static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        Assert.Empty(fields);
        return records;
    }
}
