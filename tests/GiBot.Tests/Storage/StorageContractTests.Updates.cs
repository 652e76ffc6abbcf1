using GiBot.Storage;

namespace GiBot.Tests.Storage;

public abstract partial class StorageContractTests
{
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
}
