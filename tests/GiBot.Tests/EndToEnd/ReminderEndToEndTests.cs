using System.Text.Json.Nodes;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.EndToEnd;

/// <summary>
/// Its own bot and playground: reminders go out only in working hours, and this bot's clock setting makes
/// every hour of every day working time so the test can run whenever CI does. The playground's current user
/// is an admin of 知识产权保护科 and the liaison of 执法稽查科 (which owns measure 8).
/// </summary>
public sealed class ReminderPlaygroundFixture : IAsyncLifetime
{
    private readonly PlaygroundAvailability _availability = PlaygroundAvailability.Check();
    private BotProcess? _bot;
    private PlaygroundDriver? _playground;

    public PlaygroundDriver Require()
    {
        _availability.Require();
        return _playground ?? throw new InvalidOperationException("The Agents Playground was not started.");
    }

    public async ValueTask InitializeAsync()
    {
        if (!_availability.IsAvailable)
        {
            return;
        }
        var user = PlaygroundFixture.CurrentUserAadObjectId();
        _bot = await BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Roster__People__0__AadObjectId"] = user,
            ["Roster__People__0__Units__0"] = "知识产权保护科",
            ["Roster__People__0__Role"] = "admin",
            ["Roster__People__1__AadObjectId"] = user,
            ["Roster__People__1__Units__0"] = "执法稽查科",
            ["Roster__People__1__Role"] = "liaison",
            ["Reminders__WorkingHours__Start"] = "00:00",
            ["Reminders__WorkingHours__End"] = "24:00",
            ["Reminders__WorkingHours__WorkingDaysOnly"] = "false",
            ["Reminders__PollInterval"] = "00:00:02",
        });
        _playground = await PlaygroundDriver.StartAsync(_bot.MessagesUrl);
    }

    public async ValueTask DisposeAsync()
    {
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }
}

/// <summary>Issue 8 in the local Teams: an admin's "提醒 8" brings the reminder card into the liaison's chat; 本期无新进展 reports.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class ReminderEndToEndTests(ReminderPlaygroundFixture fixture) : IClassFixture<ReminderPlaygroundFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_manual_nudge_arrives_as_a_reminder_card_and_no_change_reports_the_period()
    {
        var playground = fixture.Require();
        var chat = playground.Tenant.PersonalChatId;

        var hello = await playground.SendMessageAsync(chat, "你好");
        await playground.WaitForBotMessageAsync(chat, null, hello.StreamPosition, Timeout);

        var nudge = await playground.SendMessageAsync(chat, "提醒 8");
        var answer = await playground.WaitForBotMessageAsync(chat, f => f.Text?.Contains("执法稽查科", StringComparison.Ordinal) == true, nudge.StreamPosition, Timeout);
        Assert.Contains("已安排提醒", answer.Text, StringComparison.Ordinal);

        var reminder = await playground.WaitForBotMessageAsync(chat, f => f.AdaptiveCards.Any(c => c.GetRawText().Contains("reminder.nochange", StringComparison.Ordinal)),
            nudge.StreamPosition, Timeout);
        var card = JsonNode.Parse(reminder.AdaptiveCards.First().GetRawText())!.AsObject();
        Cards.AdaptiveCardSchema.AssertValid(card, "reminder card in the playground");
        var text = Cards.CardJson.Text(card);
        Assert.Contains("第 8 项", text, StringComparison.Ordinal);
        Assert.Contains("立即填报", text, StringComparison.Ordinal);

        // The digest's buttons sit in each measure's row; this nudge is a digest of one.
        var noChange = Reminders.ReminderBot.Data(Assert.Single(Reminders.ReminderBot.Rows(card)), "reminder.nochange");
        var pressed = await playground.SubmitAsync(chat, reminder.MessageId!, noChange.ToDictionary(p => p.Key, p => (object?)p.Value?.ToString()));
        var receipt = await playground.WaitForMessageAsync(f => f.MessageId == reminder.MessageId && f.Action == PlaygroundFrame.UpdateMessage
            && f.AdaptiveCards.Any(c => c.GetRawText().Contains("本期无新进展", StringComparison.Ordinal)), Timeout, pressed);
        Assert.NotNull(receipt);
    }
}
