using GiBot.Reminders;
using GiBot.Reminders.Schedule;
using Microsoft.Extensions.Configuration;

namespace GiBot.Tests.Reminders;

public sealed class ReportingScheduleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadEmbedded();

    public static ConfiguredReportingSchedule Schedule(Dictionary<string, string?>? settings = null, CycleOverrides? overrides = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        return new ConfiguredReportingSchedule(ReminderOptions.From(configuration), Calendar, overrides ?? new CycleOverrides());
    }

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Monthly_by_default_due_on_day_25_at_17_00_Beijing_time_stored_in_UTC()
    {
        var window = Schedule().Current(8, Utc("2026-11-10T02:00:00Z"));
        Assert.Equal("2026-11", window.Period);
        Assert.Equal(Utc("2026-10-31T16:00:00Z"), window.Opens);
        Assert.Equal(Utc("2026-11-25T09:00:00Z"), window.DueAt); // Wednesday 25 November 17:00 +08:00
        Assert.Equal(TimeSpan.Zero, window.DueAt.Offset);
    }

    [Fact]
    public void The_period_turns_at_Beijing_midnight_not_UTC_midnight()
    {
        // 2026-11-30T17:00Z is 1 December 01:00 in Beijing.
        Assert.Equal("2026-12", Schedule().Current(8, Utc("2026-11-30T17:00:00Z")).Period);
        Assert.Equal("2026-11", Schedule().Current(8, Utc("2026-11-30T15:59:00Z")).Period);
    }

    [Fact]
    public void A_deadline_on_a_weekend_or_holiday_moves_back_to_the_previous_working_day()
    {
        // 2026-10-05 is inside 国庆节: back to Wednesday 30 September.
        var october = Schedule(new() { ["Reminders:Default:DueDay"] = "5" }).Find(8, "2026-10")!;
        Assert.Equal(Utc("2026-09-30T09:00:00Z"), october.DueAt);
        // 2026-04-25 is a Saturday: back to Friday 24 April.
        Assert.Equal(Utc("2026-04-24T09:00:00Z"), Schedule().Find(8, "2026-04")!.DueAt);
    }

    [Fact]
    public void A_rule_may_keep_a_deadline_on_a_holiday()
    {
        var schedule = Schedule(new() { ["Reminders:Default:DueDay"] = "5", ["Reminders:Default:MoveToWorkingDay"] = "false" });
        Assert.Equal(Utc("2026-10-05T09:00:00Z"), schedule.Find(8, "2026-10")!.DueAt);
    }

    [Fact]
    public void Per_measure_overrides_quarterly_half_yearly_and_one_off()
    {
        var schedule = Schedule(new()
        {
            ["Reminders:Measures:1:Cycle"] = "Quarterly",
            ["Reminders:Measures:1:DueDay"] = "20",
            ["Reminders:Measures:2:Cycle"] = "HalfYearly",
            ["Reminders:Measures:3:Cycle"] = "Once",
            ["Reminders:Measures:3:Dates:0"] = "2026-12-18",
            ["Reminders:Measures:3:Dates:1"] = "2027-03-31",
            ["Reminders:Measures:3:DueTime"] = "12:00",
        });
        var now = Utc("2026-11-10T02:00:00Z");
        var quarterly = schedule.Current(1, now);
        Assert.Equal("2026-Q4", quarterly.Period);
        Assert.Equal(Utc("2026-12-18T09:00:00Z"), quarterly.DueAt); // Sunday 20 December → Friday 18
        var half = schedule.Current(2, now);
        Assert.Equal("2026-H2", half.Period);
        Assert.Equal(Utc("2026-12-25T09:00:00Z"), half.DueAt);
        var once = schedule.Current(3, now);
        Assert.Equal("2026-12-18", once.Period);
        Assert.Equal(Utc("2026-12-18T04:00:00Z"), once.DueAt);
        Assert.Equal("2027-03-31", schedule.Current(3, Utc("2026-12-19T00:00:00Z")).Period);
        Assert.Null(schedule.Find(3, "2026-11"));
        Assert.Null(schedule.Find(1, "2026-11"));
        Assert.Equal("2026-11", schedule.Current(4, now).Period); // no override: the default
    }

    [Fact]
    public void A_one_off_deadline_just_passed_is_still_the_previous_period_so_its_overdue_rung_and_summary_see_it()
    {
        var schedule = Schedule(new()
        {
            ["Reminders:Measures:3:Cycle"] = "Once",
            ["Reminders:Measures:3:Dates:0"] = "2026-10-20",
            ["Reminders:Measures:3:Dates:1"] = "2026-11-20",
        });
        // Wednesday 21 October, the T+1 of the first date: the current period is already the second one.
        var current = schedule.Current(3, Utc("2026-10-21T01:30:00Z"));
        Assert.Equal("2026-11-20", current.Period);
        Assert.Equal("2026-10-20", schedule.Previous(current)?.Period);
        Assert.Null(schedule.Next(current));
        Assert.Null(schedule.Previous(schedule.Find(3, "2026-10-20")!));
    }

    [Fact]
    public void Neighbouring_periods_cross_the_year_and_clamp_day_31_to_the_months_length()
    {
        var schedule = Schedule(new()
        {
            ["Reminders:Default:DueDay"] = "31",
            ["Reminders:Measures:1:Cycle"] = "Quarterly",
            ["Reminders:Measures:2:Cycle"] = "HalfYearly",
        });
        var january = schedule.Find(8, "2027-01")!;
        Assert.Equal("2026-12", schedule.Previous(january)?.Period);
        var february = schedule.Next(january)!;
        Assert.Equal("2027-02", february.Period);
        Assert.Equal(Utc("2027-02-26T09:00:00Z"), february.DueAt); // 28 February 2027 is a Sunday: Friday 26, 17:00 Beijing
        Assert.Equal("2027-Q1", schedule.Next(schedule.Find(1, "2026-Q4")!)?.Period);
        Assert.Equal("2026-H2", schedule.Previous(schedule.Find(2, "2027-H1")!)?.Period);
        Assert.Equal(Utc("2027-06-30T09:00:00Z"), schedule.Find(2, "2027-H1")!.DueAt); // day 31 of June is its 30th, a Wednesday
    }

    [Fact]
    public void An_override_set_in_Teams_wins_over_configuration()
    {
        var overrides = new CycleOverrides();
        var schedule = Schedule(new() { ["Reminders:Measures:8:Cycle"] = "HalfYearly" }, overrides);
        Assert.Equal("2026-H2", schedule.Current(8, Utc("2026-11-10T02:00:00Z")).Period);
        overrides.Replace(new Dictionary<int, CycleRule> { [8] = new(CycleKind.Quarterly, 25, new TimeOnly(17, 0), true, []) });
        Assert.Equal("2026-Q4", schedule.Current(8, Utc("2026-11-10T02:00:00Z")).Period);
    }

    [Fact]
    public void A_year_without_a_calendar_file_falls_back_to_weekdays()
    {
        Assert.False(Calendar.HasScheduleFor(2027));
        // 2027-01-25 is a Monday: kept, whatever the holiday notice will say.
        Assert.Equal(Utc("2027-01-25T09:00:00Z"), Schedule().Find(8, "2027-01")!.DueAt);
    }

    [Fact]
    public void Configuration_mistakes_are_reported_with_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Schedule(new() { ["Reminders:Measures:3:Cycle"] = "Once" }));
        Assert.Contains("Reminders:Measures:3", error.Message, StringComparison.Ordinal);
        var spin = Assert.Throws<InvalidOperationException>(() => Schedule(new() { ["Reminders:PollInterval"] = "00:00:00" }));
        Assert.Contains("Reminders:PollInterval", spin.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Schedule(new() { ["Reminders:Lease"] = "-00:05:00" }));
    }
}
