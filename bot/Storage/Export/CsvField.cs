namespace GiBot.Storage.Export;

/// <summary>
/// One CSV field (RFC 4180) that spreadsheets keep as text: a field starting with = + - @, a tab or a carriage return
/// (OWASP's list for CSV injection) gets a leading apostrophe, so Excel or WPS never evaluates it as a formula.
/// </summary>
public static class CsvField
{
    public static string Of(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }
        var safe = field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;
        return safe.AsSpan().IndexOfAny(",\"\r\n") < 0 ? safe : "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
