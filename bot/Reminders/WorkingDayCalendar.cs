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
    public static WorkingDayCalendar LoadEmbedded() => new(EmbeddedYears());

    /// <summary>
    /// The embedded years plus every <c>YYYY.json</c> in <paramref name="directory"/>, so an operator can add a
    /// year the State Council has just published without a new build; a file replaces the embedded year.
    /// </summary>
    public static WorkingDayCalendar Load(string? directory)
    {
        var years = EmbeddedYears().ToDictionary(y => y.Year);
        if (!string.IsNullOrWhiteSpace(directory) && Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                using var stream = File.OpenRead(file);
                var year = Read(stream, file);
                years[year.Year] = year;
            }
        }
        return new WorkingDayCalendar(years.Values);
    }

    private static IEnumerable<CalendarYear> EmbeddedYears()
    {
        var assembly = typeof(WorkingDayCalendar).Assembly;
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("resources/calendar/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            yield return Read(stream, name);
        }
    }

    private static CalendarYear Read(Stream stream, string name)
    {
        try
        {
            return JsonSerializer.Deserialize(stream, CalendarJson.Default.CalendarYear)
                ?? throw new InvalidDataException($"Calendar file {name} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Calendar file {name} is not valid: {e.Message}", e);
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CalendarYear))]
internal sealed partial class CalendarJson : JsonSerializerContext;
