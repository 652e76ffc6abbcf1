using System.Globalization;
using System.Text.RegularExpressions;

namespace GiBot.Updates;

/// <summary>Reporting periods: <c>2026-11</c> for a monthly cycle, <c>2026-Q4</c> for a quarterly one.</summary>
public static partial class ReportingPeriod
{
    public static string Current(UpdateOptions options, DateTimeOffset now)
    {
        var local = now.ToOffset(options.UtcOffset);
        return options.Cycle == ReportingCycle.Quarterly
            ? string.Create(CultureInfo.InvariantCulture, $"{local.Year:D4}-Q{(local.Month - 1) / 3 + 1}")
            : string.Create(CultureInfo.InvariantCulture, $"{local.Year:D4}-{local.Month:D2}");
    }

    public static bool IsValid(string period, ReportingCycle cycle) =>
        cycle == ReportingCycle.Quarterly ? Quarterly().IsMatch(period) : Monthly().IsMatch(period);

    public static string Example(ReportingCycle cycle) => cycle == ReportingCycle.Quarterly ? "2026-Q4" : "2026-11";

    [GeneratedRegex(@"^20\d\d-(0[1-9]|1[0-2])$")]
    private static partial Regex Monthly();

    [GeneratedRegex(@"^20\d\d-Q[1-4]$")]
    private static partial Regex Quarterly();
}
