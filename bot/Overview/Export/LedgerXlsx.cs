using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GiBot.Overview.Export;

/// <summary>
/// The 督办台账 as an XLSX workbook with one sheet: a bold, frozen header row with a filter, wrapped text,
/// 序号 as a number, 完成率 as a percentage and 提交时间 as a real date-time cell. Text goes to the shared string
/// table as Excel itself writes it (never as formulas); characters XML cannot carry are dropped.
/// </summary>
public static class LedgerXlsx
{
    public const string SheetName = "督办台账";

    /// <summary>The custom number format of 提交时间 (ids below 164 are Excel's built-in formats).</summary>
    public const uint DateTimeFormatId = 164;

    private const uint HeaderStyle = 1;
    private const uint WrapStyle = 2;
    private const uint PercentStyle = 3;
    private const uint DateTimeStyle = 4;
    private const int PercentColumn = 5;
    private const int SubmittedAtColumn = 11;
    private static readonly double[] Widths = [6, 24, 48, 26, 12, 9, 40, 30, 30, 20, 12, 17, 10];

    public static byte[] Write(IReadOnlyList<LedgerRow> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var strings = new XlsxSharedStrings();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(HeaderRow(strings));
            for (var i = 0; i < rows.Count; i++)
            {
                data.Append(DataRow(rows[i], (uint)i + 2, strings));
            }
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table;
            var lastColumn = Column(LedgerRow.Headers.Count - 1);
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                new Columns(Widths.Select((w, i) => new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data,
                new AutoFilter { Reference = $"A1:{lastColumn}{Math.Max(1, rows.Count + 1)}" });
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row HeaderRow(XlsxSharedStrings strings)
    {
        var row = new Row { RowIndex = 1 };
        for (var i = 0; i < LedgerRow.Headers.Count; i++)
        {
            row.Append(Text(i, 1, LedgerRow.Headers[i], HeaderStyle, strings));
        }
        return row;
    }

    private static Row DataRow(LedgerRow ledger, uint index, XlsxSharedStrings strings)
    {
        var texts = ledger.Texts();
        var row = new Row { RowIndex = index };
        for (var i = 0; i < texts.Count; i++)
        {
            row.Append(i switch
            {
                0 => Number(i, index, ledger.Measure, 0),
                PercentColumn when ledger.Percent is { } percent => Number(i, index, percent / 100.0, PercentStyle),
                SubmittedAtColumn when ledger.SubmittedAt is { } at => Number(i, index, at.ToOADate(), DateTimeStyle),
                _ => Text(i, index, texts[i], WrapStyle, strings),
            });
        }
        return row;
    }

    private static Cell Text(int column, uint row, string text, uint style, XlsxSharedStrings strings) => new(new CellValue(strings.IndexOf(text)))
    {
        CellReference = Column(column) + row,
        DataType = CellValues.SharedString,
        StyleIndex = style,
    };

    private static Cell Number(int column, uint row, double value, uint style) => new(new CellValue(value))
    {
        CellReference = Column(column) + row,
        DataType = CellValues.Number,
        StyleIndex = style,
    };

    /// <summary>A, B, … Z: the column letters (the ledger has fewer than 27 columns).</summary>
    public static string Column(int index) => ((char)('A' + index)).ToString();

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 9, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = DateTimeFormatId, ApplyNumberFormat = true, ApplyAlignment = true })
        { Count = 5 });
}
