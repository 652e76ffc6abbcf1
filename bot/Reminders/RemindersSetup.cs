using GiBot.Protocol.Turns;
using GiBot.Reminders.Nudges;
using GiBot.Reminders.Schedule;
using GiBot.Reminders.Sending;
using GiBot.Reminders.Teams;
using GiBot.Storage;

namespace GiBot.Reminders;

public static class RemindersSetup
{
    /// <summary>
    /// The working-day calendar, the configured reporting schedule, the reminder scheduler, the reminder card's
    /// buttons and the admin commands (issue 8). Call after storage, roster, relay and updates are added.
    /// </summary>
    public static IServiceCollection AddGiBotReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => ReminderOptions.From(sp.GetService<IConfiguration>() ?? configuration));
        services.AddSingleton(sp => WorkingDayCalendar.Load(CalendarDirectory(sp, configuration)));
        services.AddSingleton<CycleOverrides>();
        services.AddSingleton<CycleSettings>();
        services.AddSingleton<ConfiguredReportingSchedule>();
        services.AddSingleton<IReportingSchedule>(sp => sp.GetRequiredService<ConfiguredReportingSchedule>());
        services.AddSingleton<WorkingHours>();
        services.AddSingleton<SnoozeTime>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<ReminderCards>();
        services.AddSingleton<ReminderRecipients>();
        services.AddSingleton<ChannelSummary>();
        services.AddSingleton<UnreachableNotice>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        services.AddSingleton<ReminderAdmin>();
        services.AddSingleton<ManualNudge>();
        services.AddSingleton<NudgeRefusalNotice>();
        services.AddSingleton<IMessageFeature, ReminderFeature>();
        services.AddSingleton<ICardActionFeature, ReminderCardActions>();
        DecorateUpdateStore(services);
        return services;
    }

    // Relative to the content root, like Storage:SqlitePath.
    private static string? CalendarDirectory(IServiceProvider services, IConfiguration configuration)
    {
        var configured = (services.GetService<IConfiguration>() ?? configuration)["Reminders:CalendarDirectory"];
        return string.IsNullOrWhiteSpace(configured)
            ? null
            : Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, configured);
    }

    // A stored report cancels the unit's pending reminders, wherever in the bot it was submitted.
    private static void DecorateUpdateStore(IServiceCollection services)
    {
        if (services.LastOrDefault(d => d.ServiceType == typeof(IProgressUpdateStore)) is not { } original)
        {
            return;
        }
        services.Remove(original);
        services.AddSingleton<IProgressUpdateStore>(sp => new ReportCancelsReminders(
            original.ImplementationInstance as IProgressUpdateStore
                ?? original.ImplementationFactory?.Invoke(sp) as IProgressUpdateStore
                ?? (IProgressUpdateStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!),
            sp.GetRequiredService<IReminderStore>(),
            sp.GetRequiredService<ILogger<ReportCancelsReminders>>()));
    }
}
