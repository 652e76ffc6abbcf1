using System.Globalization;
using GiBot.Localization;
using GiBot.Reminders.Schedule;

namespace GiBot.Overview;

/// <summary>
/// How the overview names an earlier period a unit still owes: "11月 逾期未报" / "November overdue, not reported" for a
/// monthly period, "2026-Q4 期 逾期未报" / "period 2026-Q4 overdue, not reported" for any other.
/// </summary>
public static class OverduePeriodNames
{
    /// <summary>"11月" or "2026-Q4 期"; in English "November" or "period 2026-Q4".</summary>
    public static string Period(string period, Language language) =>
        PeriodKeys.Months(CycleKind.Monthly, period) is var (_, month, _)
            ? language.Pick($"{month.ToString(CultureInfo.InvariantCulture)}月", CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month))
            : language.Pick($"{period} 期", $"period {period}");

    /// <summary>"11月 逾期未报" / "November overdue, not reported".</summary>
    public static string Overdue(string period, Language language) =>
        language.Pick($"{Period(period, language)} 逾期未报", $"{Period(period, language)} overdue, not reported");
}
