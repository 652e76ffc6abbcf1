using GiBot.Reminders;

namespace GiBot.Tests.Reminders;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadEmbedded();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-01", false)] // 元旦, Thursday
    [InlineData("2026-01-04", true)] // Sunday worked for 元旦
    [InlineData("2026-02-14", true)] // Saturday worked before 春节
    [InlineData("2026-02-16", false)] // 春节, Monday
    [InlineData("2026-02-23", false)] // last day of 春节, Monday
    [InlineData("2026-02-24", true)] // back to work, Tuesday
    [InlineData("2026-02-28", true)] // Saturday worked after 春节
    [InlineData("2026-04-06", false)] // 清明节, Monday
    [InlineData("2026-05-05", false)] // 劳动节, Tuesday
    [InlineData("2026-05-09", true)] // Saturday worked for 劳动节
    [InlineData("2026-06-19", false)] // 端午节, Friday
    [InlineData("2026-09-20", true)] // Sunday worked for 国庆节
    [InlineData("2026-09-25", false)] // 中秋节, Friday
    [InlineData("2026-10-07", false)] // 国庆节, Wednesday
    [InlineData("2026-10-10", true)] // Saturday worked for 国庆节
    [InlineData("2026-11-28", false)] // an ordinary Saturday
    [InlineData("2026-11-30", true)] // an ordinary Monday
    public void Knows_the_2026_statutory_schedule(string day, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(D(day)));

    [Fact]
    public void A_deadline_on_a_holiday_moves_to_the_previous_working_day()
    {
        // 2026-10-05 is inside 国庆节; the last working day before it is Wednesday 30 September.
        Assert.Equal(D("2026-09-30"), Calendar.OnOrBefore(D("2026-10-05")));
        Assert.Equal(D("2026-02-14"), Calendar.OnOrBefore(D("2026-02-20")));
    }

    [Fact]
    public void Working_day_arithmetic_skips_holidays_and_counts_make_up_days()
    {
        // T-3 working days before Monday 12 October 2026: Sat 10 Oct (worked), Fri 9, Thu 8.
        Assert.Equal(D("2026-10-08"), Calendar.AddWorkingDays(D("2026-10-12"), -3));
        // T+1 after Friday 24 April 2026 is Monday 27 April.
        Assert.Equal(D("2026-04-27"), Calendar.AddWorkingDays(D("2026-04-24"), 1));
    }

    [Fact]
    public void A_year_without_a_schedule_falls_back_to_weekdays_and_says_so()
    {
        Assert.True(Calendar.HasScheduleFor(2026));
        Assert.False(Calendar.HasScheduleFor(2031));
        Assert.True(Calendar.IsWorkingDay(D("2031-01-01")));
        Assert.False(Calendar.IsWorkingDay(D("2031-01-04")));
    }

    [Fact]
    public void A_make_up_day_that_is_not_a_weekend_is_refused()
    {
        var year = new CalendarYear(2026, "test", [], [D("2026-03-02")]);
        Assert.Throws<InvalidDataException>(() => new WorkingDayCalendar([year]));
    }
}
