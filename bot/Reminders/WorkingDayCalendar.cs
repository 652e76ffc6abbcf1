using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GiBot.Reminders;

/// <summary>
/// Working days in mainland China: Monday to Friday, minus statutory holidays, plus the weekend
/// days worked in exchange (调休). Years come from data files (<c>bot/Resources/calendar/YYYY.json</c>);
/// a year without a file falls back to plain weekdays, and <see cref="HasScheduleFor"/> says so.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<int, CalendarYear> _years;
    private readonly HashSet<DateOnly> _daysOff = [];
    private readonly HashSet<DateOnly> _makeUpWorkdays = [];

    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        _years = years.ToDictionary(y => y.Year);
        foreach (var year in _years.Values)
        {
            foreach (var range in year.Holidays)
            {
                if (range.To < range.From || range.From.Year != year.Year)
                {
                    throw new InvalidDataException($"Calendar {year.Year}: holiday '{range.Name}' has an invalid range {range.From}–{range.To}.");
                }
                for (var day = range.From; day <= range.To; day = day.AddDays(1))
                {
                    _daysOff.Add(day);
                }
            }
            foreach (var day in year.MakeUpWorkdays)
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || _daysOff.Contains(day))
                {
                    throw new InvalidDataException($"Calendar {year.Year}: make-up workday {day} is not a weekend day outside the holidays.");
                }
                _makeUpWorkdays.Add(day);
            }
        }
    }

    public IReadOnlyCollection<int> Years => _years.Keys;

    public bool HasScheduleFor(int year) => _years.ContainsKey(year);

    public bool IsWorkingDay(DateOnly day) =>
        _makeUpWorkdays.Contains(day) || (!_daysOff.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The day itself when it is a working day, otherwise the nearest working day before it.</summary>
    public DateOnly OnOrBefore(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }
        return day;
    }

    /// <summary>Moves by whole working days: -3 is "T-3 working days", +1 is "the next working day".</summary>
    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        var step = workingDays < 0 ? -1 : 1;
        for (var left = Math.Abs(workingDays); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }
        return day;
    }

    /// <summary>Every calendar file embedded in the bot.</summary>
    public static WorkingDayCalendar LoadEmbedded()
    {
        var assembly = typeof(WorkingDayCalendar).Assembly;
        var years = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("resources/calendar/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => Read(assembly, n));
        return new WorkingDayCalendar(years);
    }

    private static CalendarYear Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize(stream, CalendarJson.Default.CalendarYear)
            ?? throw new InvalidDataException($"Calendar file {name} is empty.");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CalendarYear))]
internal sealed partial class CalendarJson : JsonSerializerContext;
