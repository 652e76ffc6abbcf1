using GiBot.Storage;
using GiBot.Storage.Export;

namespace GiBot.Tests.Storage;

public class UpdateExporterCsvTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("+86 391", "'+86 391")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("完成 1-2 月任务", "完成 1-2 月任务")]
    public async Task A_typed_field_starting_a_formula_is_exported_as_text(string typed, string expected)
    {
        var report = new ProgressReport(8, "知识产权保护科", "2026-11", "进行中", 60, typed, null, null, false, null, null);
        var update = new ProgressUpdate("u1", 1, report, new Submitter("aad-1", typed), DateTimeOffset.Parse("2026-11-20T02:00:00Z"), true);
        var writer = new StringWriter();

        await UpdateExporter.WriteCsvAsync([update], writer);

        var row = writer.ToString().Split("\r\n")[1];
        Assert.StartsWith($"u1,1,true,8,知识产权保护科,2026-11,进行中,60,{expected},,,false,,,aad-1,{expected},", row, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_with_a_comma_or_quote_is_quoted_once_guarded()
    {
        Assert.Equal("\"'=A1,\"\"x\"\"\"", CsvField.Of("=A1,\"x\""));
        Assert.Equal("", CsvField.Of(null));
    }
}
