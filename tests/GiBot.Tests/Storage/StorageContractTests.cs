using System.Collections.Concurrent;
using GiBot.Storage;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GiBot.Tests.Storage;

/// <summary>
/// What every provider must do. Each provider's subclass supplies empty, separate databases;
/// "another instance" is a second database object (its own pool and cache) on the same data.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Opens the test's database (a new object each call, same data). May skip the test.</summary>
    protected abstract Task<StorageDatabase> OpenDatabaseAsync();

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<TestStores> StoresAsync()
    {
        var database = await OpenDatabaseAsync();
        await new MigrationRunner(database, Time, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        return new TestStores(database, Time);
    }

    private static readonly CancellationToken None = CancellationToken.None;

    private static ProgressReport Report(int measure = 8, string unit = "zfj", string period = "2026-11", string progress = "已完成专项检查3次") =>
        new(measure, unit, period, "推进中", 60, progress, "人手不足", "继续检查", false, null, "https://example.org/e/1");

    private static readonly Submitter Liaison = new("aad-liaison", "李联络");

    // ---- migrations

    [Fact]
    public async Task Migrations_apply_once_and_are_recorded()
    {
        var database = await OpenDatabaseAsync();
        var runner = new MigrationRunner(database, Time, NullLogger<MigrationRunner>.Instance);
        Assert.Equal(AllMigrations.InOrder.Select(m => m.Version), await runner.MigrateAsync(None));
        Assert.Empty(await runner.MigrateAsync(None));
        var recorded = await database.RunAsync(c => c.QueryAsync("SELECT version FROM schema_migrations ORDER BY version", null, r => r.Int("version")!.Value, None), None);
        Assert.Equal(AllMigrations.InOrder.Select(m => m.Version), recorded);
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_both_succeed_and_apply_each_step_once()
    {
        var first = await OpenDatabaseAsync();
        var second = await OpenDatabaseAsync();
        var applied = await Task.WhenAll(
            Task.Run(() => new MigrationRunner(first, Time, NullLogger<MigrationRunner>.Instance).MigrateAsync(None)),
            Task.Run(() => new MigrationRunner(second, Time, NullLogger<MigrationRunner>.Instance).MigrateAsync(None)));
        Assert.Equal(AllMigrations.InOrder.Select(m => m.Version), applied.SelectMany(a => a).Order());
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_behind_and_is_retried()
    {
        var database = await OpenDatabaseAsync();
        var runner = new MigrationRunner(database, Time, NullLogger<MigrationRunner>.Instance);
        var broken = new Migration(900, "broken", "CREATE TABLE half_done (id INTEGER); SELECT * FROM no_such_table;", "CREATE TABLE half_done (id INTEGER); SELECT * FROM no_such_table;");
        await Assert.ThrowsAsync<StorageUnavailableException>(() => runner.MigrateAsync([.. AllMigrations.InOrder, broken], None));

        var fixedStep = broken with { Sqlite = "CREATE TABLE half_done (id INTEGER);", Postgres = "CREATE TABLE half_done (id INTEGER);" };
        Assert.Equal([900], await runner.MigrateAsync([.. AllMigrations.InOrder, fixedStep], None));
    }

    // ---- conversation references

    private ConversationReference Personal(string aad = "aad-1", string serviceUrl = "https://smba.example/cn/") =>
        new("a:personal-" + aad, ConversationReference.Personal, serviceUrl, "tenant-1", "28:bot", "29:" + aad, aad, "张三", null, null, null, Time.GetUtcNow());

    [Fact]
    public async Task A_personal_chat_is_found_by_user_and_refreshed_on_upsert()
    {
        var s = await StoresAsync();
        await s.Conversations.UpsertAsync(Personal(), None);
        Assert.Equal("https://smba.example/cn/", (await s.Conversations.FindPersonalChatAsync("aad-1", None))!.ServiceUrl);

        Time.Advance(TimeSpan.FromMinutes(5));
        await s.Conversations.UpsertAsync(Personal(serviceUrl: "https://smba.example/moved/"), None);

        var found = await s.Conversations.FindPersonalChatAsync("aad-1", None);
        Assert.Equal("https://smba.example/moved/", found!.ServiceUrl);
        Assert.Equal(Time.GetUtcNow(), found.UpdatedAt);
        Assert.Equal("https://smba.example/moved/", (await s.Conversations.GetAsync("a:personal-aad-1", None))!.ServiceUrl);
        Assert.Null(await s.Conversations.FindPersonalChatAsync("aad-unknown", None));
    }

    [Fact]
    public async Task A_removed_chat_is_not_offered_until_the_user_writes_again()
    {
        var s = await StoresAsync();
        await s.Conversations.UpsertAsync(Personal(), None);
        Assert.NotNull(await s.Conversations.FindPersonalChatAsync("aad-1", None));

        await s.Conversations.MarkRemovedAsync("a:personal-aad-1", None);
        Assert.Null(await s.Conversations.FindPersonalChatAsync("aad-1", None));
        Assert.True((await s.Conversations.GetAsync("a:personal-aad-1", None))!.IsRemoved);

        await s.Conversations.UpsertAsync(Personal(), None);
        Assert.NotNull(await s.Conversations.FindPersonalChatAsync("aad-1", None));
    }

    [Fact]
    public async Task Team_channels_are_listed_and_removed_with_their_team()
    {
        var s = await StoresAsync();
        ConversationReference Channel(string id, string team) =>
            new(id, ConversationReference.Channel, "https://smba.example/cn/", "tenant-1", "28:bot", null, null, null, team, "知识产权", id, Time.GetUtcNow());
        await s.Conversations.UpsertAsync(Channel("19:general@thread.tacv2", "team-1"), None);
        await s.Conversations.UpsertAsync(Channel("19:ip@thread.tacv2", "team-1"), None);
        await s.Conversations.UpsertAsync(Channel("19:other@thread.tacv2", "team-2"), None);

        Assert.Equal(["19:general@thread.tacv2", "19:ip@thread.tacv2"], (await s.Conversations.ListTeamChannelsAsync("team-1", None)).Select(c => c.ConversationId));

        await s.Conversations.MarkTeamRemovedAsync("team-1", None);
        Assert.Empty(await s.Conversations.ListTeamChannelsAsync("team-1", None));
        Assert.Single(await s.Conversations.ListTeamChannelsAsync("team-2", None));
    }

    [Fact]
    public async Task A_write_on_another_instance_is_seen_here_once_the_cache_expires()
    {
        var here = await StoresAsync();
        var there = new TestStores(await OpenDatabaseAsync(), Time);
        await here.Conversations.UpsertAsync(Personal(), None);
        Assert.NotNull(await here.Conversations.FindPersonalChatAsync("aad-1", None));

        await there.Conversations.MarkRemovedAsync("a:personal-aad-1", None);
        Assert.Null(await there.Conversations.FindPersonalChatAsync("aad-1", None));

        // The MemoryCache measures expiry on the system clock; clearing it stands in for the lifetime passing.
        ((Microsoft.Extensions.Caching.Memory.MemoryCache)here.Cache).Clear();
        Assert.Null(await here.Conversations.FindPersonalChatAsync("aad-1", None));
    }

    // ---- roster

    [Fact]
    public async Task Roster_writes_are_visible_at_once_through_the_cache()
    {
        var s = await StoresAsync();
        await s.Roster.UpsertAsync(new RosterEntry("aad-1", "zfj", "liaison", "aad-1", "a@example.org", "张三"), None);
        await s.Roster.UpsertAsync(new RosterEntry("aad-1", "ipp", "member", "aad-1", "a@example.org", "张三"), None);
        await s.Roster.UpsertAsync(new RosterEntry("aad-2", "zfj", "head", "aad-2", null, "王科长"), None);

        Assert.Equal(["ipp", "zfj"], (await s.Roster.ListForPersonAsync("aad-1", None)).Select(e => e.UnitId).Order());
        Assert.Equal(["aad-1", "aad-2"], (await s.Roster.ListForUnitAsync("zfj", None)).Select(e => e.PersonId).Order());

        await s.Roster.UpsertAsync(new RosterEntry("aad-1", "zfj", "head", "aad-1", "a@example.org", "张三"), None);
        Assert.Equal("head", (await s.Roster.ListForPersonAsync("aad-1", None)).Single(e => e.UnitId == "zfj").Role);

        Assert.True(await s.Roster.RemoveAsync("aad-1", "ipp", None));
        Assert.False(await s.Roster.RemoveAsync("aad-1", "ipp", None));
        Assert.Equal(["zfj"], (await s.Roster.ListForPersonAsync("aad-1", None)).Select(e => e.UnitId));
        Assert.Equal(2, (await s.Roster.ListAsync(None)).Count);
    }

    // ---- progress updates

    [Fact]
    public async Task A_submitted_update_is_stored_with_its_outbox_messages()
    {
        var s = await StoresAsync();
        var result = await s.Updates.SubmitAsync(Report(), Liaison, "draft-1",
            [new NewOutboxMessage("relay.reply", "draft-1/reply", "{\"u\":1}"), new NewOutboxMessage("relay.root", "8/2026-11/root", "{}")], None);

        Assert.Equal(SubmitOutcome.Created, result.Outcome);
        var stored = await s.Updates.GetAsync(result.Update!.UpdateId, None);
        Assert.Equal(Report(), stored!.Report);
        Assert.Equal(Liaison, stored.SubmittedBy);
        Assert.Equal(1, stored.Version);
        Assert.True(stored.IsCurrent);
        Assert.Equal(Time.GetUtcNow(), stored.SubmittedAt);
        Assert.Equal(2, await s.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task Submitting_the_same_key_again_returns_the_first_update_and_queues_nothing_more()
    {
        var s = await StoresAsync();
        var first = await s.Updates.SubmitAsync(Report(), Liaison, "draft-1", [new NewOutboxMessage("relay.reply", "r1", "{}")], None);
        var again = await s.Updates.SubmitAsync(Report(progress: "second click"), Liaison, "draft-1", [new NewOutboxMessage("relay.reply", "r2", "{}")], None);

        Assert.Equal(SubmitOutcome.AlreadySubmitted, again.Outcome);
        Assert.Equal(first.Update!.UpdateId, again.Update!.UpdateId);
        Assert.Equal("已完成专项检查3次", again.Update.Report.Progress);
        Assert.Single(await s.Updates.ListAllVersionsAsync(None));
        Assert.Equal(1, await s.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task Concurrent_submits_with_one_key_from_two_instances_store_one_update()
    {
        var a = await StoresAsync();
        var b = new TestStores(await OpenDatabaseAsync(), Time);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).Updates.SubmitAsync(Report(), Liaison, "draft-race", [new NewOutboxMessage("relay.reply", "race/reply", "{}")], None))));

        Assert.Single(results, r => r.Outcome == SubmitOutcome.Created);
        Assert.Single(results.Select(r => r.Update!.UpdateId).Distinct());
        Assert.Single(await a.Updates.ListAllVersionsAsync(None));
        Assert.Equal(1, await a.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task A_correction_adds_a_version_and_keeps_the_history()
    {
        var s = await StoresAsync();
        var first = (await s.Updates.SubmitAsync(Report(), Liaison, "draft-1", [], None)).Update!;
        Time.Advance(TimeSpan.FromMinutes(10));

        var corrected = await s.Updates.CorrectAsync(first.UpdateId, 1, Report(progress: "已完成专项检查4次"), Liaison, "fix-1", [new NewOutboxMessage("relay.edit", "fix-1", "{}")], None);

        Assert.Equal(SubmitOutcome.Created, corrected.Outcome);
        Assert.Equal(2, corrected.Update!.Version);
        var history = await s.Updates.GetHistoryAsync(first.UpdateId, None);
        Assert.Equal(["已完成专项检查3次", "已完成专项检查4次"], history.Select(h => h.Report.Progress));
        Assert.Equal([false, true], history.Select(h => h.IsCurrent));
        Assert.Equal("已完成专项检查4次", (await s.Updates.GetAsync(first.UpdateId, None))!.Report.Progress);
        Assert.Single(await s.Updates.ListCurrentAsync(new UpdateQuery(Measure: 8), None));
        Assert.Equal(1, await s.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task A_correction_based_on_an_old_version_is_refused()
    {
        var s = await StoresAsync();
        var first = (await s.Updates.SubmitAsync(Report(), Liaison, "draft-1", [], None)).Update!;
        await s.Updates.CorrectAsync(first.UpdateId, 1, Report(progress: "v2"), Liaison, "fix-1", [], None);

        var stale = await s.Updates.CorrectAsync(first.UpdateId, 1, Report(progress: "from the other device"), Liaison, "fix-2", [new NewOutboxMessage("relay.edit", "fix-2", "{}")], None);

        Assert.Equal(SubmitOutcome.Conflict, stale.Outcome);
        Assert.Equal("v2", stale.Update!.Report.Progress);
        Assert.Equal(2, (await s.Updates.GetHistoryAsync(first.UpdateId, None)).Count);
        Assert.Equal(0, await s.Outbox.CountPendingAsync(None));
        Assert.Equal(SubmitOutcome.NotFound, (await s.Updates.CorrectAsync("nope", 1, Report(), Liaison, "fix-3", [], None)).Outcome);
        Assert.Equal(SubmitOutcome.AlreadySubmitted, (await s.Updates.CorrectAsync(first.UpdateId, 2, Report(progress: "again"), Liaison, "fix-1", [], None)).Outcome);
    }

    [Fact]
    public async Task Current_updates_are_filtered_and_newest_first()
    {
        var s = await StoresAsync();
        await s.Updates.SubmitAsync(Report(8, "zfj", "2026-10"), Liaison, "k1", [], None);
        Time.Advance(TimeSpan.FromDays(1));
        await s.Updates.SubmitAsync(Report(8, "zfj", "2026-11"), Liaison, "k2", [], None);
        Time.Advance(TimeSpan.FromDays(1));
        await s.Updates.SubmitAsync(Report(8, "wsx", "2026-11"), new Submitter("aad-other", null), "k3", [], None);
        await s.Updates.SubmitAsync(Report(3, "zfj", "2026-11"), Liaison, "k4", [], None);

        Assert.Equal(["wsx", "zfj", "zfj"], (await s.Updates.ListCurrentAsync(new UpdateQuery(Measure: 8), None)).Select(u => u.Report.UnitId));
        Assert.Equal(["2026-11", "2026-10"], (await s.Updates.ListCurrentAsync(new UpdateQuery(Measure: 8, UnitId: "zfj"), None)).Select(u => u.Report.Period));
        Assert.Equal(2, (await s.Updates.ListCurrentAsync(new UpdateQuery(Measure: 8, Period: "2026-11"), None)).Count);
        Assert.Single(await s.Updates.ListCurrentAsync(new UpdateQuery(SubmittedByAadObjectId: "aad-other"), None));
        Assert.Equal(4, (await s.Updates.ListCurrentAsync(new UpdateQuery(), None)).Count);
    }

    // ---- drafts

    [Fact]
    public async Task Drafts_are_kept_per_user_and_scope_and_overwritten()
    {
        var s = await StoresAsync();
        await s.Drafts.SaveAsync("aad-1", "update/8", "{\"status\":\"推进中\"}", None);
        await s.Drafts.SaveAsync("aad-1", "update/3", "{}", None);
        await s.Drafts.SaveAsync("aad-2", "update/8", "{\"other\":true}", None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await s.Drafts.SaveAsync("aad-1", "update/8", "{\"status\":\"已完成\"}", None);

        var draft = await s.Drafts.GetAsync("aad-1", "update/8", None);
        Assert.Equal("{\"status\":\"已完成\"}", draft!.Payload);
        Assert.Equal(Time.GetUtcNow(), draft.UpdatedAt);
        Assert.Equal(["update/8", "update/3"], (await s.Drafts.ListForUserAsync("aad-1", None)).Select(d => d.Scope));

        Assert.True(await s.Drafts.DeleteAsync("aad-1", "update/8", None));
        Assert.Null(await s.Drafts.GetAsync("aad-1", "update/8", None));
        Assert.NotNull(await s.Drafts.GetAsync("aad-2", "update/8", None));
    }

    // ---- relay outbox

    [Fact]
    public async Task Outbox_keeps_one_message_per_dedup_key_and_respects_not_before()
    {
        var s = await StoresAsync();
        Assert.True(await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "k1", "{}"), None));
        Assert.False(await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "k1", "{\"again\":1}"), None));
        Assert.True(await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "later", "{}", Time.GetUtcNow().AddMinutes(5)), None));

        var claimed = await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None);
        var message = Assert.Single(claimed);
        Assert.Equal("k1", message.DedupKey);
        Assert.Equal("{}", message.Payload);
        Assert.Equal(1, message.Attempts);
    }

    [Fact]
    public async Task A_claimed_message_is_not_claimed_again_until_its_lease_expires()
    {
        var s = await StoresAsync();
        await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "k1", "{}"), None);
        var first = Assert.Single(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(2), None));

        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await s.Outbox.ClaimAsync("bot-b", 10, TimeSpan.FromMinutes(2), None));

        Time.Advance(TimeSpan.FromMinutes(2));
        var retaken = Assert.Single(await s.Outbox.ClaimAsync("bot-b", 10, TimeSpan.FromMinutes(2), None));
        Assert.Equal(first.Id, retaken.Id);
        Assert.Equal(2, retaken.Attempts);

        Assert.False(await s.Outbox.CompleteAsync(first.Id, first.ClaimToken!, None));
        Assert.True(await s.Outbox.CompleteAsync(retaken.Id, retaken.ClaimToken!, None));
        Assert.Equal(0, await s.Outbox.CountPendingAsync(None));
        Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(2), None));
    }

    [Fact]
    public async Task The_posted_activity_id_is_recorded_once_and_survives_a_retry()
    {
        var s = await StoresAsync();
        await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "k1", "{}"), None);
        var claim = Assert.Single(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));

        Assert.True(await s.Outbox.RecordPostedAsync(claim.Id, "1:posted", None));
        Assert.False(await s.Outbox.RecordPostedAsync(claim.Id, "1:second-post", None));
        Assert.True(await s.Outbox.RetryLaterAsync(claim.Id, claim.ClaimToken!, Time.GetUtcNow().AddSeconds(30), "429 Too Many Requests", None));

        Assert.Empty(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Time.Advance(TimeSpan.FromSeconds(30));
        var retry = Assert.Single(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.Equal("1:posted", retry.PostedActivityId);
        Assert.Equal("429 Too Many Requests", retry.LastError);
        Assert.Equal(2, retry.Attempts);
    }

    [Fact]
    public async Task A_message_given_up_on_is_listed_for_admins_and_never_claimed()
    {
        var s = await StoresAsync();
        await s.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", "k1", "{}"), None);
        var claim = Assert.Single(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));

        Assert.True(await s.Outbox.GiveUpAsync(claim.Id, claim.ClaimToken!, "bot removed from the team", None));

        var failed = Assert.Single(await s.Outbox.ListGivenUpAsync(None));
        Assert.Equal("bot removed from the team", failed.LastError);
        Assert.NotNull(failed.FailedAt);
        Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await s.Outbox.ClaimAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.Equal(0, await s.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task Two_instances_claiming_concurrently_deliver_every_message_exactly_once()
    {
        const int Count = 120;
        var a = await StoresAsync();
        var b = new TestStores(await OpenDatabaseAsync(), Time);
        for (var i = 0; i < Count; i++)
        {
            await a.Outbox.EnqueueAsync(new NewOutboxMessage("relay.reply", $"k{i}", $"{{\"n\":{i}}}"), None);
        }
        var deliveries = new ConcurrentDictionary<long, int>();

        async Task Claimer(TestStores stores, string name)
        {
            while (true)
            {
                var batch = await stores.Outbox.ClaimAsync(name, 7, TimeSpan.FromMinutes(5), None);
                if (batch.Count == 0)
                {
                    return;
                }
                foreach (var message in batch)
                {
                    deliveries.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
                    Assert.True(await stores.Outbox.CompleteAsync(message.Id, message.ClaimToken!, None));
                }
            }
        }

        await Task.WhenAll(Task.Run(() => Claimer(a, "bot-a")), Task.Run(() => Claimer(b, "bot-b")));

        Assert.Equal(Count, deliveries.Count);
        Assert.All(deliveries.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, await a.Outbox.CountPendingAsync(None));
    }

    // ---- reminders

    private ReminderPlan Plan(string step = "T-3", string unit = "zfj", int minutesFromNow = 0) =>
        new(8, unit, "2026-11", step, Time.GetUtcNow().AddMinutes(minutesFromNow), "{\"deadline\":\"2026-11-25\"}");

    [Fact]
    public async Task A_reminder_is_planned_once_claimed_when_due_and_completed_once()
    {
        var s = await StoresAsync();
        Assert.True(await s.Reminders.PlanAsync(Plan(minutesFromNow: 10), None));
        Assert.False(await s.Reminders.PlanAsync(Plan(minutesFromNow: 99), None));

        Assert.Empty(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Time.Advance(TimeSpan.FromMinutes(10));
        var claim = Assert.Single(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.Equal(Plan(minutesFromNow: 0), claim.Plan);

        Assert.True(await s.Reminders.CompleteAsync(claim.Plan.Key, claim.ClaimToken!, None));
        Assert.False(await s.Reminders.CompleteAsync(claim.Plan.Key, claim.ClaimToken!, None));
        Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.False(await s.Reminders.PlanAsync(Plan(), None));
        Assert.Equal(ReminderStatus.Sent, (await s.Reminders.GetAsync(claim.Plan.Key, None))!.Status);
    }

    [Fact]
    public async Task Each_recipient_send_is_recorded_once()
    {
        var s = await StoresAsync();
        await s.Reminders.PlanAsync(Plan(), None);
        Assert.True(await s.Reminders.RecordSendAsync(Plan().Key, "aad-1", "1:a", None));
        Assert.False(await s.Reminders.RecordSendAsync(Plan().Key, "aad-1", "1:b", None));
        Assert.True(await s.Reminders.RecordSendAsync(Plan().Key, "aad-2", null, None));
        Assert.Equal(["aad-1", "aad-2"], (await s.Reminders.ListRecipientsSentAsync(Plan().Key, None)).Order());
    }

    [Fact]
    public async Task Reporting_cancels_the_units_pending_reminders_only()
    {
        var s = await StoresAsync();
        await s.Reminders.PlanAsync(Plan("T-3"), None);
        await s.Reminders.PlanAsync(Plan("T-1", minutesFromNow: 60), None);
        await s.Reminders.PlanAsync(Plan("T-3", unit: "wsx"), None);

        Assert.Equal(2, await s.Reminders.CancelPendingAsync(8, "zfj", "2026-11", None));

        Time.Advance(TimeSpan.FromHours(2));
        var claim = Assert.Single(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.Equal("wsx", claim.Plan.UnitId);
        Assert.Equal(
            [("8/wsx/2026-11/T-3", ReminderStatus.Pending), ("8/zfj/2026-11/T-3", ReminderStatus.Cancelled), ("8/zfj/2026-11/T-1", ReminderStatus.Cancelled)],
            (await s.Reminders.ListDueBetweenAsync(Time.GetUtcNow().AddDays(-1), Time.GetUtcNow(), None)).Select(r => (r.Plan.Key, r.Status)));
    }

    [Fact]
    public async Task A_failed_reminder_is_retried_later_and_a_crashed_claim_after_its_lease()
    {
        var s = await StoresAsync();
        await s.Reminders.PlanAsync(Plan(), None);
        var claim = Assert.Single(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Assert.True(await s.Reminders.RetryLaterAsync(claim.Plan.Key, claim.ClaimToken!, Time.GetUtcNow().AddMinutes(30), "503", None));

        Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await s.Reminders.ClaimDueAsync("bot-a", 10, TimeSpan.FromMinutes(1), None));
        // bot-a dies holding the claim; after the lease bot-b takes it.
        Time.Advance(TimeSpan.FromMinutes(1));
        var taken = Assert.Single(await s.Reminders.ClaimDueAsync("bot-b", 10, TimeSpan.FromMinutes(1), None));
        Assert.Equal(3, taken.Attempts);
        Assert.Equal("503", taken.LastError);
    }

    [Fact]
    public async Task Two_schedulers_claiming_concurrently_send_every_reminder_exactly_once()
    {
        const int Count = 80;
        var a = await StoresAsync();
        var b = new TestStores(await OpenDatabaseAsync(), Time);
        for (var i = 0; i < Count; i++)
        {
            await (i % 2 == 0 ? a : b).Reminders.PlanAsync(Plan(unit: $"u{i}"), None);
        }
        var sends = new ConcurrentDictionary<string, int>();

        async Task Scheduler(TestStores stores, string name)
        {
            while (true)
            {
                var batch = await stores.Reminders.ClaimDueAsync(name, 5, TimeSpan.FromMinutes(5), None);
                if (batch.Count == 0)
                {
                    return;
                }
                foreach (var reminder in batch)
                {
                    sends.AddOrUpdate(reminder.Plan.Key, 1, (_, n) => n + 1);
                    Assert.True(await stores.Reminders.CompleteAsync(reminder.Plan.Key, reminder.ClaimToken!, None));
                }
            }
        }

        await Task.WhenAll(Task.Run(() => Scheduler(a, "bot-a")), Task.Run(() => Scheduler(b, "bot-b")));

        Assert.Equal(Count, sends.Count);
        Assert.All(sends.Values, n => Assert.Equal(1, n));
    }

    // ---- processed activities and settings

    [Fact]
    public async Task An_activity_id_is_recorded_once_across_instances_and_purged_when_old()
    {
        var a = await StoresAsync();
        var b = new TestStores(await OpenDatabaseAsync(), Time);
        Assert.True(await a.Activities.TryRecordAsync("a:chat", "m-1", None));
        Assert.False(await b.Activities.TryRecordAsync("a:chat", "m-1", None));
        Assert.True(await b.Activities.TryRecordAsync("a:other-chat", "m-1", None));

        Time.Advance(TimeSpan.FromDays(3));
        Assert.True(await a.Activities.TryRecordAsync("a:chat", "m-2", None));
        Assert.Equal(2, await a.Activities.PurgeAsync(Time.GetUtcNow().AddDays(-2), None));
        Assert.True(await a.Activities.TryRecordAsync("a:chat", "m-1", None));
        Assert.False(await a.Activities.TryRecordAsync("a:chat", "m-2", None));
    }

    [Fact]
    public async Task Settings_are_versioned_for_compare_and_set()
    {
        var s = await StoresAsync();
        Assert.Null(await s.Settings.GetAsync("relay.channel", None));
        Assert.True(await s.Settings.TrySetAsync("relay.channel", "{\"channel\":\"19:a\"}", 0, None));
        Assert.False(await s.Settings.TrySetAsync("relay.channel", "{\"channel\":\"19:b\"}", 0, None));
        Assert.True(await s.Settings.TrySetAsync("relay.channel", "{\"channel\":\"19:c\"}", 1, None));
        Assert.False(await s.Settings.TrySetAsync("relay.channel", "{\"channel\":\"19:d\"}", 1, None));
        Assert.Equal(3, await s.Settings.SetAsync("relay.channel", "{\"channel\":\"19:e\"}", None));

        var setting = await s.Settings.GetAsync("relay.channel", None);
        Assert.Equal("{\"channel\":\"19:e\"}", setting!.Value);
        Assert.Equal(3, setting.Version);
    }
}
