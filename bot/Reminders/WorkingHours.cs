namespace GiBot.Reminders;

/// <summary>When reminders may go out: working days (the calendar, 调休 included) between the configured hours, Beijing time.</summary>
public sealed class WorkingHours(ReminderOptions options, WorkingDayCalendar calendar)
{
    public bool IsOpen(DateTimeOffset instant)
    {
        var local = instant.ToOffset(options.UtcOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        return (!options.WorkingDaysOnly || calendar.IsWorkingDay(day))
            && local.TimeOfDay >= options.WorkStart.ToTimeSpan() && local.TimeOfDay < options.WorkEnd;
    }

    /// <summary>The instant itself when open, otherwise the start of the next working period.</summary>
    public DateTimeOffset NextOpen(DateTimeOffset instant)
    {
        if (IsOpen(instant))
        {
            return instant;
        }
        var local = instant.ToOffset(options.UtcOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (local.TimeOfDay >= options.WorkStart.ToTimeSpan())
        {
            day = day.AddDays(1);
        }
        while (options.WorkingDaysOnly && !calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return At(day, options.WorkStart);
    }

    /// <summary>The instant itself when open, otherwise the last minute of the working period before it.</summary>
    public DateTimeOffset LastOpenAtOrBefore(DateTimeOffset instant)
    {
        if (IsOpen(instant))
        {
            return instant;
        }
        var local = instant.ToOffset(options.UtcOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (local.TimeOfDay < options.WorkStart.ToTimeSpan())
        {
            day = day.AddDays(-1);
        }
        while (options.WorkingDaysOnly && !calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }
        return At(day, TimeOnly.MinValue) + options.WorkEnd - TimeSpan.FromMinutes(1);
    }

    /// <summary>A Beijing-time day and time as a UTC instant.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time) => new DateTimeOffset(day, time, options.UtcOffset).ToUniversalTime();

    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(options.UtcOffset).DateTime);

    public string Format(DateTimeOffset instant) =>
        instant.ToOffset(options.UtcOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
