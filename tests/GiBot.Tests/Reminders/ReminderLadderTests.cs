using GiBot.Reminders;
using GiBot.Storage;
using GiBot.Tests.Cards;
using GiBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Reminders;

/// <summary>
/// The ladder on the real bot with a fake clock around 国庆 2026: with reports due on day 10, October's deadline
/// is Saturday 10 October, a make-up working day (调休), so T-1 is Friday 9 October, T-3 is Wednesday 30 September
/// (1–7 October are the holiday) and T+1 is Monday 12 October.
/// </summary>
public sealed class ReminderLadderTests
{
    private static readonly Func<System.Text.Json.Nodes.JsonObject, string> Text = CardJson.Text;

    private static readonly Dictionary<string, string?> DueOnTheTenth = new() { ["Reminders:Default:DueDay"] = "10" };

    private static async Task<ReminderBot> StartedAsync(string beijing = "2026-09-29 09:00", Dictionary<string, string?>? settings = null)
    {
        var bot = await ReminderBot.StartAsync(ReminderBot.Beijing(beijing), settings ?? DueOnTheTenth);
        await bot.GreetAsync(Staff.Liaison, Staff.Head, Staff.Admin);
        await bot.PassAsync();
        return bot;
    }

    [Fact]
    public async Task The_ladder_follows_working_days_across_the_national_day_holiday_and_its_make_up_day()
    {
        await using var bot = await StartedAsync();
        Assert.Empty(bot.RemindersTo(Staff.Liaison));

        await bot.PassAtAsync("2026-09-30 09:29");
        Assert.Empty(bot.RemindersTo(Staff.Liaison));
        await bot.PassAtAsync("2026-09-30 09:30");
        var t3 = bot.RemindersTo(Staff.Liaison).Where(c => Text(c).Contains("2026-10-10 17:00", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, t3.Length); // measures 8, 9, 10 and 20 of 执法稽查科
        Assert.Empty(bot.RemindersTo(Staff.Head));

        foreach (var holiday in new[] { "2026-10-01 10:00", "2026-10-05 10:00", "2026-10-08 10:00" })
        {
            await bot.PassAtAsync(holiday);
        }
        Assert.Equal(4, bot.RemindersTo(Staff.Liaison).Count);

        await bot.PassAtAsync("2026-10-09 09:30");
        Assert.Equal(8, bot.RemindersTo(Staff.Liaison).Count);
        Assert.Equal(4, bot.RemindersTo(Staff.Head).Count);

        await bot.PassAtAsync("2026-10-10 12:00"); // the make-up Saturday: the deadline itself, no rung
        await bot.PassAtAsync("2026-10-11 10:00"); // Sunday
        Assert.Equal(4, bot.RemindersTo(Staff.Head).Count);
        Assert.Empty(bot.ChannelPosts());

        await bot.PassAtAsync("2026-10-12 09:30");
        var heads = bot.RemindersTo(Staff.Head);
        Assert.Equal(8, heads.Count);
        Assert.Contains("逾期未报", Text(heads[^1]), StringComparison.Ordinal);
        Assert.Equal(8, bot.RemindersTo(Staff.Liaison).Count); // T+1 goes to heads only
        var summary = Assert.Single(bot.ChannelPosts());
        Assert.Contains("第 8 项", summary, StringComparison.Ordinal);
        Assert.Contains("执法稽查科", summary, StringComparison.Ordinal);
        Assert.Contains("反不正当竞争科", summary, StringComparison.Ordinal);
        // 反不正当竞争科 has no head on the roster: the post promises nothing it did not do, and says what can be done.
        Assert.DoesNotContain("已向各单位负责人发送", summary, StringComparison.Ordinal);
        Assert.Contains("“提醒 N”", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("本期进展", summary, StringComparison.Ordinal);

        await bot.PassAtAsync("2026-10-12 15:00");
        Assert.Single(bot.ChannelPosts());
        Assert.Equal(8, bot.RemindersTo(Staff.Head).Count);
    }

    [Fact]
    public async Task Nothing_goes_out_outside_working_hours_it_waits_for_the_next_working_morning()
    {
        await using var bot = await StartedAsync();
        await bot.PassAtAsync("2026-09-30 18:00"); // T-3 time passed during the evening of a working day: held
        var before = bot.RemindersTo(Staff.Liaison).Count;
        Assert.Equal(0, before);
        await bot.PassAtAsync("2026-10-01 10:00"); // 国庆 holiday: still held
        Assert.Empty(bot.RemindersTo(Staff.Liaison));
    }

    [Fact]
    public async Task A_report_cancels_the_units_pending_reminders_and_stops_the_ladder()
    {
        await using var bot = await StartedAsync();
        await bot.PassAtAsync("2026-09-30 09:30");
        Assert.Equal(4, bot.RemindersTo(Staff.Liaison).Count);

        bot.Time.SetUtcNow(ReminderBot.Beijing("2026-10-08 10:00")); // October's period is open after the holiday
        var answer = await bot.SayAsync("update 8 推进中 60% 已完成专项检查3次", Staff.Liaison);
        Assert.Contains("已提交", answer, StringComparison.Ordinal);
        var key = new ReminderPlan(8, "执法稽查科", "2026-10", "T-1", default).Key;
        Assert.Equal(ReminderStatus.Cancelled, (await bot.Reminders.GetAsync(key, TestContext.Current.CancellationToken))!.Status);

        await bot.PassAtAsync("2026-10-09 09:30");
        var latest = bot.RemindersTo(Staff.Liaison).Skip(4).Select(c => Text(c)).ToArray();
        Assert.Equal(3, latest.Length); // measures 9, 10 and 20 only
        Assert.DoesNotContain(latest, c => c.Contains("第 8 项", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Snooze_reminds_the_person_again_two_hours_later_and_tomorrow_at_nine()
    {
        await using var bot = await StartedAsync();
        await bot.PassAtAsync("2026-09-30 09:30");
        var card = bot.RemindersTo(Staff.Liaison)[0];

        var later = await bot.PressAsync(ReminderBot.Data(card, ReminderVerbs.Snooze), Staff.Liaison);
        Assert.Contains("2026-09-30 11:30", later, StringComparison.Ordinal);
        await bot.PassAtAsync("2026-09-30 11:29");
        Assert.Equal(4, bot.RemindersTo(Staff.Liaison).Count);
        await bot.PassAtAsync("2026-09-30 11:30");
        Assert.Equal(5, bot.RemindersTo(Staff.Liaison).Count);
        Assert.Empty(bot.RemindersTo(Staff.Head));

        var tomorrow = ReminderBot.Data(card, ReminderVerbs.Snooze);
        tomorrow[ReminderVerbs.UntilKey] = ReminderVerbs.UntilTomorrow;
        var answer = await bot.PressAsync(tomorrow, Staff.Liaison);
        Assert.Contains("2026-10-08 09:00", answer, StringComparison.Ordinal); // tomorrow is 国庆: the next working day
    }

    [Fact]
    public async Task Snooze_pressed_twice_reminds_once()
    {
        await using var bot = await StartedAsync();
        await bot.PassAtAsync("2026-09-30 09:30");
        var card = bot.RemindersTo(Staff.Liaison).First(c => Text(c).Contains("第 8 项", StringComparison.Ordinal));
        await bot.PressAsync(ReminderBot.Data(card, ReminderVerbs.Snooze), Staff.Liaison);
        bot.Time.Advance(TimeSpan.FromMinutes(3));
        var second = await bot.PressAsync(ReminderBot.Data(card, ReminderVerbs.Snooze), Staff.Liaison);
        Assert.Contains("2026-09-30 11:30", second, StringComparison.Ordinal); // the snooze already set

        await bot.PassAtAsync("2026-09-30 11:30");
        await bot.PassAtAsync("2026-09-30 11:40");
        Assert.Equal(5, bot.RemindersTo(Staff.Liaison).Count);
    }

    [Fact]
    public async Task Someone_outside_the_unit_cannot_snooze_or_answer_its_reminder()
    {
        await using var bot = await StartedAsync();
        await bot.SayAsync("你好", Staff.Member);
        await bot.PassAtAsync("2026-09-30 09:30");
        var card = bot.RemindersTo(Staff.Liaison).First(c => Text(c).Contains("第 8 项", StringComparison.Ordinal));

        var snooze = await bot.PressAsync(ReminderBot.Data(card, ReminderVerbs.Snooze), Staff.Member); // 反不正当竞争科, not 执法稽查科
        Assert.Contains("执法稽查科", snooze, StringComparison.Ordinal);
        Assert.DoesNotContain("再次提醒", snooze, StringComparison.Ordinal);
        var noChange = await bot.PressAsync(ReminderBot.Data(card, ReminderVerbs.NoChange), Staff.Member);
        Assert.DoesNotContain("本期无新进展", noChange, StringComparison.Ordinal);

        await bot.PassAtAsync("2026-09-30 11:30");
        Assert.Empty(bot.RemindersTo(Staff.Member));
        var plans = await bot.Reminders.ListDueBetweenAsync(ReminderBot.Beijing("2026-09-30 09:00"), ReminderBot.Beijing("2026-10-09 00:00"), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(plans, p => GiBot.Reminders.ReminderSteps.IsSnooze(p.Plan.Step));
    }

    [Fact]
    public async Task A_reminder_missed_during_downtime_is_sent_once_late_with_a_note()
    {
        await using var bot = await StartedAsync();
        // Down from 29 September until 13:00 on 30 September: the T-3 of 09:30 was missed.
        await bot.PassAtAsync("2026-09-30 13:00");
        var cards = bot.RemindersTo(Staff.Liaison);
        Assert.Equal(4, cards.Count);
        Assert.All(cards, c => Assert.Contains("原定于 2026-09-30 09:30", Text(c), StringComparison.Ordinal));
        await bot.PassAtAsync("2026-09-30 13:05");
        Assert.Equal(4, bot.RemindersTo(Staff.Liaison).Count);
    }

    [Fact]
    public async Task No_change_this_period_counts_as_reported_and_is_relayed()
    {
        await using var bot = await StartedAsync();
        await bot.PassAtAsync("2026-09-30 09:30");
        var card = bot.RemindersTo(Staff.Liaison).First(c => Text(c).Contains("第 8 项", StringComparison.Ordinal));
        var receipt = await bot.PressAsync(ReminderBot.Data(card, ReminderVerbs.NoChange), Staff.Liaison);
        Assert.Contains("本期无新进展", receipt, StringComparison.Ordinal);

        var update = Assert.Single(await bot.App.Services.GetRequiredService<IProgressUpdateStore>().ListCurrentAsync(new UpdateQuery(8, "执法稽查科", "2026-10"), TestContext.Current.CancellationToken));
        Assert.Equal(UpdateStatus.InProgress, update.Report.Status);
        var outbox = await bot.App.Services.GetRequiredService<IRelayOutbox>().ClaimAsync("test", 10, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.Contains(outbox, m => m.Kind == GiBot.Relay.RelayOutboxMessages.UpdateKind);

        await bot.PassAtAsync("2026-10-09 09:30");
        Assert.DoesNotContain(bot.RemindersTo(Staff.Liaison).Skip(4), c => Text(c).Contains("第 8 项", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_unit_that_finished_a_measure_is_not_reminded_of_it_again()
    {
        await using var bot = await StartedAsync();
        await bot.SayAsync("update 8 已完成 100% 专项检查全部完成", Staff.Liaison); // period 2026-09
        await bot.PassAtAsync("2026-09-30 09:30"); // T-3 of 2026-10

        var cards = bot.RemindersTo(Staff.Liaison).Select(Text).ToArray();
        Assert.Equal(3, cards.Length); // 9, 10 and 20; not 8
        Assert.DoesNotContain(cards, c => c.Contains("第 8 项", StringComparison.Ordinal));
        var plan = await bot.SayAsync("提醒计划", Staff.Admin);
        var measure8 = plan!.Split('\n').Where(l => l.Contains("第 8 项（2026-10）", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(measure8); // 反不正当竞争科 still owes it
        Assert.All(measure8, l => Assert.DoesNotContain("执法稽查科", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "2026-10")]
    [InlineData("2099-01", "2026-09")]
    public async Task Report_now_files_the_report_for_the_reminders_period_not_the_one_open_today(string? forgedPeriod, string filed)
    {
        await using var bot = await StartedAsync();
        await bot.PassAtAsync("2026-09-30 09:30"); // T-3 of October's deadline, still in September
        var card = bot.RemindersTo(Staff.Liaison).First(c => Text(c).Contains("第 8 项", StringComparison.Ordinal));
        var data = ReminderBot.Data(card, UpdateVerbs.Start);
        if (forgedPeriod is not null)
        {
            data["period"] = forgedPeriod;
        }

        await bot.PressAsync(data, Staff.Liaison);
        var form = bot.Connector.Sent[^1].Json!["attachments"]![0]!["content"]!.AsObject();
        Assert.Contains(filed, Text(form), StringComparison.Ordinal);
        var preview = (System.Text.Json.Nodes.JsonObject)ReminderBot.Data(form, UpdateVerbs.Preview);
        preview["status"] = "推进中";
        preview["percent"] = "50";
        preview["progress"] = "已开展专项检查";
        await bot.PressAsync(preview, Staff.Liaison);
        var confirm = bot.Connector.Sent[^1].Json!["attachments"]![0]!["content"]!.AsObject();
        await bot.PressAsync(ReminderBot.Data(confirm, UpdateVerbs.Submit), Staff.Liaison);

        var stored = Assert.Single(await bot.App.Services.GetRequiredService<IProgressUpdateStore>().ListCurrentAsync(new UpdateQuery(8), TestContext.Current.CancellationToken));
        Assert.Equal(("执法稽查科", filed), (stored.Report.UnitId, stored.Report.Period));
    }

    [Theory]
    [InlineData("2099-13")]
    [InlineData("2030-05")]
    [InlineData("not a period")]
    public async Task No_change_for_a_period_that_is_not_due_is_refused_and_nothing_is_stored(string period)
    {
        await using var bot = await StartedAsync();
        await bot.PassAtAsync("2026-09-30 09:30");
        var card = bot.RemindersTo(Staff.Liaison).First(c => Text(c).Contains("第 8 项", StringComparison.Ordinal));
        var data = ReminderBot.Data(card, ReminderVerbs.NoChange);
        data["period"] = period;

        var answer = await bot.PressAsync(data, Staff.Liaison);
        Assert.Contains("汇报期不正确", answer, StringComparison.Ordinal);
        Assert.Empty(await bot.App.Services.GetRequiredService<IProgressUpdateStore>().ListCurrentAsync(new UpdateQuery(8, "执法稽查科"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task No_change_pressed_after_the_period_was_reported_keeps_the_report()
    {
        await using var bot = await StartedAsync();
        await bot.PassAtAsync("2026-09-30 09:30");
        var card = bot.RemindersTo(Staff.Liaison).First(c => Text(c).Contains("第 8 项", StringComparison.Ordinal));
        var store = bot.App.Services.GetRequiredService<IProgressUpdateStore>();
        var report = new ProgressReport(8, "执法稽查科", "2026-10", UpdateStatus.Completed, 100, "已完成专项检查。", null, null, false, null, null);
        await store.SubmitAsync(report, new Submitter(Staff.Head.AadObjectId, Staff.Head.Name), "head-report", [], TestContext.Current.CancellationToken);

        var answer = await bot.PressAsync(ReminderBot.Data(card, ReminderVerbs.NoChange), Staff.Liaison);
        Assert.Contains("已提交", answer, StringComparison.Ordinal);
        var current = Assert.Single(await store.ListCurrentAsync(new UpdateQuery(8, "执法稽查科", "2026-10"), TestContext.Current.CancellationToken));
        Assert.Equal("已完成专项检查。", current.Report.Progress);
    }

    [Fact]
    public async Task Admins_get_one_notice_listing_who_cannot_be_reached_and_how_to_fix_it()
    {
        await using var bot = await StartedAsync();
        await bot.PassAtAsync("2026-09-30 09:30");
        await bot.PassAtAsync("2026-10-09 09:30");
        var notices = bot.TextsTo(Staff.Admin).Where(t => t.Contains("未能收到", StringComparison.Ordinal)).ToArray();
        var notice = Assert.Single(notices);
        Assert.Contains(Staff.Unreachable.Name, notice, StringComparison.Ordinal);
        Assert.Contains("安装", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notice_no_admin_received_is_given_again_on_the_next_run()
    {
        await using var bot = await StartedAsync();
        bot.Connector.FailNext(new GiBot.Tests.Infrastructure.FakeConnector.ScriptedFailure(403, PathContains: ReminderBot.Conversation(Staff.Admin)));
        await bot.PassAtAsync("2026-09-30 09:30");
        int Notices() => bot.TextsTo(Staff.Admin).Count(t => t.Contains(Staff.Unreachable.Name, StringComparison.Ordinal));
        Assert.Equal(1, Notices()); // the connector refused it

        await bot.PassAtAsync("2026-10-09 09:30");
        await bot.PassAtAsync("2026-10-12 09:30");
        Assert.Equal(2, Notices()); // given again once, then remembered
    }

    [Fact]
    public async Task The_planner_forgets_plans_whose_time_has_passed()
    {
        await using var bot = await StartedAsync();
        var planner = bot.App.Services.GetRequiredService<ReminderPlanner>();
        await bot.PassAtAsync("2026-09-30 09:30");
        var first = planner.RememberedPlans;
        Assert.True(first > 0);
        await bot.PassAtAsync("2026-12-30 09:30");
        await bot.PassAtAsync("2027-09-30 09:30");
        // A year on, only the ladder ahead is remembered, not every plan ever written.
        Assert.InRange(planner.RememberedPlans, 1, first * 3 / 2);
    }

    [Fact]
    public async Task An_admin_who_writes_English_gets_the_unreachable_notice_in_English()
    {
        await using var bot = await StartedAsync();
        await bot.SayAsync("update 8", Staff.Admin); // an English start leaves an English draft
        await bot.PassAtAsync("2026-09-30 09:30");
        var notice = Assert.Single(bot.TextsTo(Staff.Admin), t => t.Contains(Staff.Unreachable.Name, StringComparison.Ordinal));
        Assert.Contains("have not installed GiBot", notice, StringComparison.Ordinal);
        Assert.Contains("Teams admin center", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("未能收到", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_Teams_refuses_for_now_is_retried_later_whole_and_then_sent_once()
    {
        // No retries in the connector, so its 503 reaches the scheduler (a 403 or 404 is not retried: ReminderRefusalTests).
        await using var bot = await StartedAsync(settings: new(DueOnTheTenth) { ["Connector:Retry:MaxRetryAttempts"] = "0" });
        bot.Connector.FailNext(new GiBot.Tests.Infrastructure.FakeConnector.ScriptedFailure(503, PathContains: ReminderBot.Conversation(Staff.Liaison)));
        await bot.PassAtAsync("2026-09-30 09:30");
        Assert.Single(bot.DigestsTo(Staff.Liaison)); // one digest of four measures tried, and refused
        var failed = (await bot.Reminders.ListDueBetweenAsync(ReminderBot.Beijing("2026-09-30 09:00"), ReminderBot.Beijing("2026-10-01 00:00"), TestContext.Current.CancellationToken))
            .Where(r => r.LastError is not null).ToArray();
        Assert.Equal(4, failed.Length); // every plan in it is retried, none marked sent
        Assert.All(failed, r => Assert.Equal(ReminderStatus.Pending, r.Status));
        foreach (var plan in failed)
        {
            Assert.Empty(await bot.Reminders.ListRecipientsSentAsync(plan.Plan.Key, TestContext.Current.CancellationToken));
        }

        await bot.PassAtAsync("2026-09-30 09:34");
        Assert.Single(bot.DigestsTo(Staff.Liaison));
        await bot.PassAtAsync("2026-09-30 09:36");
        var digests = bot.DigestsTo(Staff.Liaison);
        Assert.Equal(2, digests.Count);
        Assert.Equal(digests[0].ToJsonString(), digests[1].ToJsonString()); // the refused digest, sent again whole
        await bot.PassAtAsync("2026-09-30 10:00");
        Assert.Equal(2, bot.DigestsTo(Staff.Liaison).Count);
        foreach (var plan in failed)
        {
            var record = (await bot.Reminders.GetAsync(plan.Plan.Key, TestContext.Current.CancellationToken))!;
            Assert.Equal(ReminderStatus.Sent, record.Status);
            Assert.Null(record.LastError);
        }
    }

    [Fact]
    public async Task The_reminders_plain_text_names_the_unit_in_the_readers_language()
    {
        await using var bot = await StartedAsync();
        var services = bot.App.Services;
        var window = services.GetRequiredService<GiBot.Reminders.Schedule.IReportingSchedule>().Find(8, "2026-10")!;
        var plan = new ReminderPlan(8, "执法稽查科", "2026-10", "T-3", window.DueAt.AddDays(-3));
        var cards = services.GetRequiredService<ReminderCards>();
        DigestRow[] rows = [new(plan, window)];
        var english = cards.Text(rows, plan.DueAt, null, GiBot.Localization.Language.English);
        Assert.Contains(UpdateLabels.Unit(services.GetRequiredService<GiBot.Measures.Registry.MeasureRegistry>(), "执法稽查科", GiBot.Localization.Language.English), english, StringComparison.Ordinal);
        Assert.Contains("执法稽查科 (", english, StringComparison.Ordinal); // the Chinese name with the English one beside it
        Assert.DoesNotContain("执法稽查科 (", cards.Text(rows, plan.DueAt, null, GiBot.Localization.Language.Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_writes_English_gets_the_reminder_in_English_others_in_Chinese()
    {
        await using var bot = await StartedAsync();
        await bot.SayAsync("update 8", Staff.Liaison); // an English start leaves an English draft
        await bot.PassAtAsync("2026-09-30 09:30");
        // The connector's rate limiter runs on the fake clock too: more than 7 sends to one chat need the clock to move.
        await bot.PassAtAsync("2026-10-09 09:30");
        var english = bot.RemindersTo(Staff.Liaison)[0];
        Assert.Equal("en", english["lang"]!.GetValue<string>());
        Assert.Contains("Report now", Text(english), StringComparison.Ordinal);
        Assert.Contains("No news this period", Text(english), StringComparison.Ordinal);
        var chinese = bot.RemindersTo(Staff.Head)[0];
        Assert.Equal("zh", chinese["lang"]!.GetValue<string>());
        Assert.Contains("督办提醒", Text(chinese), StringComparison.Ordinal);
        Assert.Contains(Staff.Liaison.Name, Text(chinese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_follows_the_language_the_person_last_wrote_in_without_any_draft()
    {
        await using var bot = await StartedAsync();
        await bot.SayAsync("who is responsible for measure 9", Staff.Liaison);
        await bot.SayAsync("8", Staff.Liaison); // a bare number tells nothing: still English
        await bot.PassAtAsync("2026-09-30 09:30");
        Assert.All(bot.RemindersTo(Staff.Liaison), card => Assert.Equal("en", card["lang"]!.GetValue<string>()));

        await bot.SayAsync("第九项谁负责", Staff.Liaison);
        await bot.PassAtAsync("2026-10-09 09:30");
        Assert.Equal("zh", bot.RemindersTo(Staff.Liaison)[^1]["lang"]!.GetValue<string>());
        Assert.Equal("zh", bot.RemindersTo(Staff.Head)[0]["lang"]!.GetValue<string>());
    }
}
