using System.Text;
using GiBot.Storage.Export;

namespace GiBot.Overview.Export;

/// <summary>
/// The 督办台账 as CSV (RFC 4180), UTF-8 with a byte order mark so Excel reads the Chinese text correctly.
/// Each cell is a <see cref="CsvField"/>: spreadsheets never evaluate one as a formula.
/// </summary>
public static class LedgerCsv
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(IReadOnlyList<LedgerRow> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', LedgerRow.Headers.Select(CsvField.Of))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Texts().Select(CsvField.Of))).Append("\r\n");
        }
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
    }
}
