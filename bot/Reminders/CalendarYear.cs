namespace GiBot.Reminders;

/// <summary>One year of the PRC statutory holiday schedule, as the State Council publishes it.</summary>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<HolidayRange> Holidays, IReadOnlyList<DateOnly> MakeUpWorkdays);

/// <summary>Consecutive days off, weekends inside the range included (放假调休).</summary>
public sealed record HolidayRange(string Name, DateOnly From, DateOnly To);
