using System.Net;
using GiBot.Localization;
using GiBot.Reminders;
using GiBot.Reminders.Nudges;
using GiBot.Reminders.Schedule;
using GiBot.Reminders.Sending;
using GiBot.Reminders.Teams;
using GiBot.Roster;
using GiBot.Storage;
using GiBot.Tests.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Reminders;

/// <summary>
/// Names from the roster and what an admin typed show as typed in reminders and the notices about them: a liaison
/// named <c>*王*_伟_</c> is not made italic, one named <c>&lt;b&gt;张三&lt;/b&gt;</c> is not a tag Teams hides.
/// </summary>
public sealed class ReminderMarkdownTests
{
    private const string Starred = "*王*_伟_";
    private const string StarredShown = @"\*王\*\_伟\_";
    private const string Tagged = "<b>张三</b>";
    private const string TaggedShown = @"\<b>张三\</b>";

    [Fact]
    public async Task A_heads_follow_up_names_the_late_liaisons_as_the_roster_spells_them()
    {
        await using var bot = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-10-12 09:30"));
        var cards = bot.App.Services.GetRequiredService<ReminderCards>();
        var now = bot.Time.GetUtcNow();
        var window = bot.App.Services.GetRequiredService<IReportingSchedule>().Current(8, now);
        var row = new DigestRow(new ReminderPlan(8, "执法稽查科", window.Period, "T+1", now), window, [Starred, Tagged]);

        var text = cards.Text([row], now, null, Language.Chinese);
        var card = cards.Digest([row], now, null, Language.Chinese);

        Assert.Contains($"尚未填报的联络员：{StarredShown}、{TaggedShown}。", text, StringComparison.Ordinal);
        Assert.Contains(CardTexts.Of(card.Content), t => t.Contains($"尚未填报的联络员：{StarredShown}、{TaggedShown}。", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_admins_notice_of_people_it_cannot_remind_names_them_as_typed()
    {
        await using var bot = await ReminderBot.StartAsync(ReminderBot.Beijing("2026-11-16 10:00"));
        await bot.SayAsync("你好", Staff.Admin);
        var notice = bot.App.Services.GetRequiredService<UnreachableNotice>();

        await notice.TellAsync(
            [Person("00000000-0000-0000-0000-0000000000b1", Starred), Person("00000000-0000-0000-0000-0000000000b2", Tagged)],
            [],
            TestContext.Current.CancellationToken);

        var text = bot.TextsTo(Staff.Admin).Last();
        Assert.Contains($"- {StarredShown}（执法稽查科）\n", text, StringComparison.Ordinal);
        Assert.Contains($"- {TaggedShown}（执法稽查科）\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nudges_reply_names_reached_and_unreached_liaisons_as_typed()
    {
        var reply = new NudgeReply(8, "2026-11") { PeopleReached = 1 };
        reply.Nudged.Add(("执法稽查科", [Starred]));
        reply.Unreachable.Add(new UnreachableLiaison(Tagged, ["反不正当竞争科"]));

        var text = reply.Text(Language.Chinese);

        Assert.Contains($"执法稽查科（{StarredShown}）", text, StringComparison.Ordinal);
        Assert.Contains($"- {TaggedShown}（反不正当竞争科）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nudges_hint_for_a_unit_without_liaison_shows_its_placeholders()
    {
        var reply = new NudgeReply(8, "2026-11");
        reply.NoLiaison.Add("反不正当竞争科");

        var chinese = reply.Text(Language.Chinese);
        var english = reply.Text(Language.English);

        Assert.Contains("“添加 ××× 到 ×× 为 联络员”", chinese, StringComparison.Ordinal);
        Assert.Contains("\"add [email or name] to [unit] as liaison\"", english, StringComparison.Ordinal);
        GiBot.Tests.Localization.VisiblePlaceholders.AssertShown(chinese);
        GiBot.Tests.Localization.VisiblePlaceholders.AssertShown(english);
    }

    [Fact]
    public void A_refused_nudge_names_the_person_as_typed()
    {
        var plan = new ReminderPlan(8, "执法稽查科", "2026-11", ReminderSteps.ManualPrefix + "x", DateTimeOffset.UnixEpoch, "aad-admin");
        var refusal = new NudgeRefusal(Person("00000000-0000-0000-0000-0000000000b1", Starred), [plan], HttpStatusCode.Forbidden, null);

        var text = NudgeRefusalNotice.Text([new NudgeRefusalNotice.Missed(refusal, [plan])], Language.Chinese);

        Assert.Contains($"- {StarredShown}（执法稽查科、第 8 项）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_word_not_understood_is_quoted_back_as_typed()
    {
        var command = Assert.IsType<SetCycle>(ReminderCommand.Parse("提醒周期 8 季度 **双周**"));

        Assert.Contains(@"没看懂“\*\*双周\*\*”", command.Problem!.Chinese, StringComparison.Ordinal);
        Assert.Contains(@"""\*\*双周\*\*""", command.Problem.English, StringComparison.Ordinal);
    }

    private static RosterPerson Person(string aad, string name) =>
        new(aad, name, null, [new UnitMembership("执法稽查科", RosterRole.Liaison)]);
}
