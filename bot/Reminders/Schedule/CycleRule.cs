using GiBot.Localization;

namespace GiBot.Reminders.Schedule;

/// <summary>How often a measure reports.</summary>
public enum CycleKind
{
    Monthly,
    Quarterly,
    HalfYearly,

    /// <summary>One-off deadlines on configured dates.</summary>
    Once,
}

/// <summary>
/// A measure's reporting cycle: due on day <see cref="DueDay"/> of the period's last month (clamped to the
/// month's length) at <see cref="DueTime"/> Beijing time, or on each of <see cref="Dates"/> for a one-off cycle.
/// </summary>
public sealed record CycleRule(CycleKind Kind, int DueDay, TimeOnly DueTime, bool MoveToWorkingDay, IReadOnlyList<DateOnly> Dates)
{
    public static CycleRule Monthly(int dueDay = 25) => new(CycleKind.Monthly, dueDay, new TimeOnly(17, 0), true, []);

    public string Describe(Language language)
    {
        var time = DueTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var dates = string.Join(language.Pick("、", ", "), Dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return Kind switch
        {
            CycleKind.Monthly => language.Pick($"每月，{DueDay}日 {time} 截止", $"monthly, due on day {DueDay} at {time}"),
            CycleKind.Quarterly => language.Pick($"每季度，季末月{DueDay}日 {time} 截止", $"quarterly, due on day {DueDay} of the quarter's last month at {time}"),
            CycleKind.HalfYearly => language.Pick($"每半年，6月/12月{DueDay}日 {time} 截止", $"half-yearly, due on day {DueDay} of June/December at {time}"),
            _ => language.Pick($"一次性：{dates} {time} 截止", $"one-off: due {dates} at {time}"),
        } + (MoveToWorkingDay ? "" : language.Pick("（节假日不顺延）", " (not moved off holidays)"));
    }
}
