using System.Collections.Immutable;

namespace GiBot.Reminders.Schedule;

/// <summary>
/// Periods and deadlines from the <c>Reminders</c> configuration (default cycle and per-measure overrides),
/// with overrides set by admins in Teams on top (<see cref="CycleOverrides"/>). Deadlines are on the
/// Beijing-time day and moved back to a working day unless the rule says otherwise; results are UTC.
/// </summary>
public sealed class ConfiguredReportingSchedule(ReminderOptions options, WorkingDayCalendar calendar, CycleOverrides overrides) : IReportingSchedule
{
    public TimeSpan UtcOffset => options.UtcOffset;

    /// <summary>The rule in force for a measure: an admin's override, else configuration, else the default.</summary>
    public CycleRule Rule(int measure) =>
        overrides.Current.TryGetValue(measure, out var set) ? set
        : options.Measures.TryGetValue(measure, out var configured) ? configured
        : options.Default;

    public ReportingWindow Current(int measure, DateTimeOffset now)
    {
        var rule = Rule(measure);
        var today = DateOnly.FromDateTime(now.ToOffset(options.UtcOffset).DateTime);
        if (rule.Kind == CycleKind.Once)
        {
            // The first one-off deadline not yet passed; after the last, the last one.
            var windows = rule.Dates.Select(d => Find(measure, PeriodKeys.OneOff(d))!).ToArray();
            return windows.FirstOrDefault(w => w.DueAt >= now) ?? windows[^1];
        }
        return Find(measure, PeriodKeys.For(rule.Kind, today))!;
    }

    public ReportingWindow? Find(int measure, string period)
    {
        var rule = Rule(measure);
        if (rule.Kind == CycleKind.Once)
        {
            var index = rule.Dates.Select(PeriodKeys.OneOff).ToList().IndexOf(period);
            if (index < 0)
            {
                return null;
            }
            var opensDay = index == 0 ? new DateOnly(rule.Dates[0].Year, 1, 1) : rule.Dates[index - 1].AddDays(1);
            return Window(measure, period, opensDay, rule.Dates[index], rule);
        }
        if (PeriodKeys.Months(rule.Kind, period) is not var (year, first, last))
        {
            return null;
        }
        var dueDay = new DateOnly(year, last, Math.Min(rule.DueDay, DateTime.DaysInMonth(year, last)));
        return Window(measure, period, new DateOnly(year, first, 1), dueDay, rule);
    }

    /// <summary>The period before <paramref name="window"/> (its overdue reminders may fall after it ended), or null.</summary>
    public ReportingWindow? Previous(ReportingWindow window) => Neighbour(window, -1);

    /// <summary>The period after <paramref name="window"/> (its early reminders may fall before it opens), or null.</summary>
    public ReportingWindow? Next(ReportingWindow window) => Neighbour(window, +1);

    // Computed from the period name, not by probing instants: a one-off period is current until its deadline,
    // so the instant before the next one opens already belongs to the next one.
    private ReportingWindow? Neighbour(ReportingWindow window, int step)
    {
        var rule = Rule(window.Measure);
        if (rule.Kind == CycleKind.Once)
        {
            var periods = rule.Dates.Select(PeriodKeys.OneOff).ToList();
            var at = periods.IndexOf(window.Period);
            return at >= 0 && at + step >= 0 && at + step < periods.Count ? Find(window.Measure, periods[at + step]) : null;
        }
        if (PeriodKeys.Months(rule.Kind, window.Period) is not var (year, first, last))
        {
            return null;
        }
        var day = step < 0 ? new DateOnly(year, first, 1).AddDays(-1) : new DateOnly(year, last, 1).AddMonths(1);
        return Find(window.Measure, PeriodKeys.For(rule.Kind, day));
    }

    /// <summary>A period name that fits the measure's cycle, for hints ("2026-Q4").</summary>
    public string Example(int measure, DateTimeOffset now) => Current(measure, now).Period;

    private ReportingWindow Window(int measure, string period, DateOnly opens, DateOnly due, CycleRule rule)
    {
        var dueDay = rule.MoveToWorkingDay ? calendar.OnOrBefore(due) : due;
        return new ReportingWindow(measure, period,
            new DateTimeOffset(opens, TimeOnly.MinValue, options.UtcOffset).ToUniversalTime(),
            new DateTimeOffset(dueDay, rule.DueTime, options.UtcOffset).ToUniversalTime());
    }
}

/// <summary>Cycles admins set in Teams, kept in memory for the synchronous schedule and refreshed from the settings store.</summary>
public sealed class CycleOverrides
{
    private ImmutableDictionary<int, CycleRule> _current = ImmutableDictionary<int, CycleRule>.Empty;

    public IReadOnlyDictionary<int, CycleRule> Current => Volatile.Read(ref _current);

    public void Replace(IReadOnlyDictionary<int, CycleRule> rules) => Volatile.Write(ref _current, rules.ToImmutableDictionary());
}
