using GiBot.Storage;
using GiBot.Tests.Infrastructure;
using GiBot.Tests.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Reminders;

/// <summary>
/// The scene of the reminder refusal tests: reports due on day 10 (T-3 is 30 September, T-1 is 9 October, 国庆 in
/// between), the liaison, head and admin of 执法稽查科 each with a chat, and no retries in the connector, so each scripted
/// refusal reaches the scheduler as it is.
/// </summary>
internal static class RefusalScenario
{
    public const string T3 = "2026-09-30 09:30";
    public const string T1 = "2026-10-09 09:30";

    public static CancellationToken None => TestContext.Current.CancellationToken;

    public static async Task<ReminderBot> StartedAsync()
    {
        // No retries in the connector: each scripted failure reaches the scheduler as it is.
        var bot = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-09-29 09:00"), new()
        {
            ["Reminders:Default:DueDay"] = "10",
            ["Connector:Retry:MaxRetryAttempts"] = "0",
        });
        await bot.GreetAsync(Staff.Liaison, Staff.Head, Staff.Admin);
        await bot.PassAsync();
        return bot;
    }

    public static FakeConnector.ScriptedFailure Refuse(int status, Person who, string? code = null) =>
        new(status, Body: code is null ? null : "{\"error\":{\"code\":\"" + code + "\",\"message\":\"refused\"}}", PathContains: ReminderBot.Conversation(who));

    public static Task<ConversationReference?> ChatAsync(ReminderBot bot, Person who) =>
        bot.App.Services.GetRequiredService<IConversationReferenceStore>().FindPersonalChatAsync(who.AadObjectId, None);

    public static async Task<IReadOnlyList<ReminderRecord>> PlansAsync(ReminderBot bot, string beijing, string step) =>
        (await bot.Reminders.ListDueBetweenAsync(ReminderBot.Beijing(beijing).AddHours(-1), ReminderBot.Beijing(beijing).AddHours(1), None))
            .Where(r => r.Plan.UnitId == "执法稽查科" && r.Plan.Step == step).ToArray();
}
