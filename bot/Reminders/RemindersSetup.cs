using GiBot.Reminders.Schedule;

namespace GiBot.Reminders;

public static class RemindersSetup
{
    /// <summary>The working-day calendar, the configured reporting schedule and the reminder scheduler (issue 8).</summary>
    public static IServiceCollection AddGiBotReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => ReminderOptions.From(sp.GetService<IConfiguration>() ?? configuration));
        services.AddSingleton(_ => WorkingDayCalendar.LoadEmbedded());
        services.AddSingleton<CycleOverrides>();
        services.AddSingleton<CycleSettings>();
        services.AddSingleton<ConfiguredReportingSchedule>();
        services.AddSingleton<IReportingSchedule>(sp => sp.GetRequiredService<ConfiguredReportingSchedule>());
        return services;
    }
}
