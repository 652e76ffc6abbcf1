using System.Text;

namespace GiBot.Overview.Export;

/// <summary>
/// The 督办台账 as CSV (RFC 4180), UTF-8 with a byte order mark so Excel reads the Chinese text correctly.
/// A cell starting with = + - @, a tab or a carriage return (OWASP's list) gets a leading apostrophe so spreadsheets never evaluate it as a formula.
/// </summary>
public static class LedgerCsv
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(IReadOnlyList<LedgerRow> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', LedgerRow.Headers.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Texts().Select(Quote))).Append("\r\n");
        }
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
    }

    private static string Quote(string field)
    {
        if (field.Length == 0)
        {
            return "";
        }
        var safe = field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;
        return safe.IndexOfAny([',', '"', '\r', '\n']) < 0 ? safe : "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
