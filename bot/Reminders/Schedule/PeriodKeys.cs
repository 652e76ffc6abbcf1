using System.Globalization;
using System.Text.RegularExpressions;

namespace GiBot.Reminders.Schedule;

/// <summary>
/// Period names: <c>2026-11</c> (monthly), <c>2026-Q4</c> (quarterly), <c>2026-H2</c> (half-yearly) and the
/// deadline date itself, <c>2026-12-20</c>, for a one-off cycle.
/// </summary>
public static partial class PeriodKeys
{
    /// <summary>The periodic period containing the local date.</summary>
    public static string For(CycleKind kind, DateOnly day) => kind switch
    {
        CycleKind.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{day.Year:D4}-Q{(day.Month - 1) / 3 + 1}"),
        CycleKind.HalfYearly => string.Create(CultureInfo.InvariantCulture, $"{day.Year:D4}-H{(day.Month - 1) / 6 + 1}"),
        CycleKind.Once => OneOff(day),
        _ => string.Create(CultureInfo.InvariantCulture, $"{day.Year:D4}-{day.Month:D2}"),
    };

    public static string OneOff(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The first and last month of a periodic period, or null when the name does not fit the cycle.</summary>
    public static (int Year, int FirstMonth, int LastMonth)? Months(CycleKind kind, string period)
    {
        var match = kind switch
        {
            CycleKind.Monthly => Monthly().Match(period),
            CycleKind.Quarterly => Quarterly().Match(period),
            CycleKind.HalfYearly => HalfYearly().Match(period),
            _ => Match.Empty,
        };
        if (!match.Success)
        {
            return null;
        }
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var n = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return kind switch
        {
            CycleKind.Quarterly => (year, (n - 1) * 3 + 1, n * 3),
            CycleKind.HalfYearly => (year, (n - 1) * 6 + 1, n * 6),
            _ => (year, n, n),
        };
    }

    [GeneratedRegex(@"^(20\d\d)-(0[1-9]|1[0-2])$")]
    private static partial Regex Monthly();

    [GeneratedRegex(@"^(20\d\d)-Q([1-4])$")]
    private static partial Regex Quarterly();

    [GeneratedRegex(@"^(20\d\d)-H([12])$")]
    private static partial Regex HalfYearly();
}
