using GiBot.Overview.Export;

namespace GiBot.Tests.Overview;

/// <summary>
/// Whatever someone typed into an update reaches the 督办台账 CSV as text, never as a spreadsheet formula (OWASP's CSV
/// injection list: = + - @, tab, carriage return); the numbers GiBot writes itself (序号, 完成率, 提交时间) stay as they are.
/// </summary>
public sealed class LedgerCsvFormulaTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("完成 1-2 月任务", "完成 1-2 月任务")]
    public void A_typed_cell_that_could_start_a_formula_is_kept_as_text(string typed, string written)
    {
        var line = DataLine(Row(progress: typed, submittedBy: "李联络"));

        Assert.Contains("," + written + ",", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_could_start_a_formula_is_kept_as_text_and_GiBots_own_numbers_are_not_touched()
    {
        var line = DataLine(Row(progress: "推进中", submittedBy: "=cmd|' /C calc'!A0"));

        Assert.StartsWith("8,", line, StringComparison.Ordinal);
        Assert.Contains(",60%,", line, StringComparison.Ordinal);
        Assert.Contains(",'=cmd|' /C calc'!A0,2026-11-20 10:00,", line, StringComparison.Ordinal);
    }

    private static LedgerRow Row(string progress, string submittedBy) =>
        new(8, "（八）", "措施", "执法稽查科", "推进中", 60, progress, "", "", "否", submittedBy, new DateTime(2026, 11, 20, 10, 0, 0), "2026-11");

    private static string DataLine(LedgerRow row)
    {
        var text = LedgerCsv.Utf8WithBom.GetString(LedgerCsv.Write([row]));
        return text[(text.IndexOf("\r\n", StringComparison.Ordinal) + 2)..];
    }
}
