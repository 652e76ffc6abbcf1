using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace GiBot.Overview.Export;

/// <summary>
/// The 督办台账 as an XLSX workbook with one sheet: a bold, frozen header row with a filter, wrapped text,
/// 序号 as a number, 完成率 as a percentage and 提交时间 as a real date-time cell. Text is written as inline
/// strings (never as formulas); characters XML cannot carry are dropped.
/// </summary>
public static class LedgerXlsx
{
    public const string SheetName = "督办台账";

    /// <summary>The number format of 提交时间.</summary>
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";

    private const int PercentColumn = 5;
    private const int SubmittedAtColumn = 11;
    private static readonly double[] Widths = [6, 24, 48, 26, 12, 9, 40, 30, 30, 20, 12, 17, 10];

    public static async Task<byte[]> WriteAsync(IReadOnlyList<LedgerRow> rows, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        var options = new SpreadCheetahOptions
        {
            WriteCellReferenceAttributes = true,
            PreserveStringWhitespace = true,
        };
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, options, cancellationToken))
        {
            var header = spreadsheet.AddStyle(new Style
            {
                Font = { Bold = true, Size = 11 },
                Alignment = { WrapText = true, Vertical = VerticalAlignment.Center },
            });
            var wrap = spreadsheet.AddStyle(new Style { Alignment = { WrapText = true, Vertical = VerticalAlignment.Top } });
            var percent = spreadsheet.AddStyle(new Style
            {
                Format = NumberFormat.Standard(StandardNumberFormat.Percent),
                Alignment = { Vertical = VerticalAlignment.Top },
            });
            var dateTime = spreadsheet.AddStyle(new Style
            {
                Format = NumberFormat.Custom(DateTimeFormat),
                Alignment = { Vertical = VerticalAlignment.Top },
            });

            var sheet = new WorksheetOptions
            {
                FrozenRows = 1,
                AutoFilter = new AutoFilterOptions($"A1:{Column(LedgerRow.Headers.Count - 1)}{Math.Max(1, rows.Count + 1)}"),
            };
            for (var i = 0; i < Widths.Length; i++)
            {
                sheet.Column(i + 1).Width = Widths[i];
            }
            await spreadsheet.StartWorksheetAsync(SheetName, sheet, cancellationToken);

            var cells = new Cell[LedgerRow.Headers.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = new Cell(XmlText.XmlSafe(LedgerRow.Headers[i]), header);
            }
            await spreadsheet.AddRowAsync(cells, cancellationToken);
            foreach (var row in rows)
            {
                var texts = row.Texts();
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = i switch
                    {
                        0 => new Cell(row.Measure),
                        PercentColumn when row.Percent is { } p => new Cell(p / 100.0, percent),
                        SubmittedAtColumn when row.SubmittedAt is { } at => new Cell(at, dateTime),
                        _ => new Cell(XmlText.XmlSafe(texts[i]), wrap),
                    };
                }
                await spreadsheet.AddRowAsync(cells, cancellationToken);
            }
            await spreadsheet.FinishAsync(cancellationToken);
        }
        return stream.ToArray();
    }

    /// <summary>A, B, … Z: the column letters (the ledger has fewer than 27 columns).</summary>
    public static string Column(int index) => ((char)('A' + index)).ToString();
}
