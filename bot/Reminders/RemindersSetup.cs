using GiBot.Reminders.Schedule;

namespace GiBot.Reminders;

public static class RemindersSetup
{
    /// <summary>The working-day calendar, the reporting schedule and, later, the reminder scheduler (issue 8).</summary>
    public static IServiceCollection AddGiBotReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => WorkingDayCalendar.LoadEmbedded());
        services.AddSingleton<IReportingSchedule, DefaultReportingSchedule>();
        return services;
    }
}
