using GiBot.Relay;
using GiBot.Roster;
using GiBot.Roster.Units;
using GiBot.Storage;
using GiBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Updates;

/// <summary>History per measure and corrections by the submitter within the window.</summary>
public sealed class UpdateHistoryTests : IAsyncLifetime
{
    private UpdateBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await UpdateBot.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task History_shows_each_units_latest_update_newest_first()
    {
        await _bot.SayAsync("update 8 推进中 30% 第一次检查");
        _bot.Time.Advance(TimeSpan.FromHours(1));
        await _bot.SayAsync("update 8 推进中 50% 第二次检查");
        _bot.Time.Advance(TimeSpan.FromHours(1));
        await _bot.SayAsync("update 8 受阻 20% 缺少经费", People.CompetitionMember);

        var history = await _bot.SayAsync("第8项进展", People.Admin);
        var competition = history.Text!.IndexOf("缺少经费", StringComparison.Ordinal);
        var inspection = history.Text!.IndexOf("第二次检查", StringComparison.Ordinal);
        Assert.True(competition >= 0 && inspection > competition, history.Text);
        Assert.DoesNotContain("第一次检查", history.Text, StringComparison.Ordinal);
        Assert.Contains("缺少经费", history.CardText, StringComparison.Ordinal);

        var english = await _bot.SayAsync("history 8", People.Admin);
        Assert.Contains("Latest updates on measure 8", english.Text, StringComparison.Ordinal);
        Assert.Contains("Blocked", english.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_two_long_updates_on_measure_20_list_the_ten_latest_within_Teams_limit_and_say_how_to_see_the_rest()
    {
        var units = await ReportAtLengthOnMeasure20Async(_bot);
        Assert.Equal(22, units.Length);

        // UpdateBot checks the card against Teams' card limit too.
        var history = await _bot.SayAsync("第20项进展", People.Admin);
        Assert.Equal(units[^10..].Order(), units.Where(u => history.Text!.Contains($"**{u}**", StringComparison.Ordinal)).Order());
        Assert.Contains("另有 12 个单位的进展未列出（只列出最近汇报的 10 个单位）。发送“总览 20”查看全部单位的状态，发送“导出台账”查看每条进展的全文。", history.Text, StringComparison.Ordinal);
        Assert.Contains("另有 12 个单位的进展未列出", history.CardText, StringComparison.Ordinal);
        Assert.InRange(2L * _bot.Connector.Sent[^1].Body.Length, 0, 80 * 1024);

        var english = await _bot.SayAsync("history 20", People.Admin);
        Assert.Contains("12 more units' updates are not listed (only the 10 most recent are). Send \"overview 20\"", english.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_of_many_units_is_told_whom_to_ask_for_the_rest()
    {
        var units = (await ReportAtLengthOnMeasure20Async(_bot))[..11];
        var member = new Person("00000000-0000-0000-0000-0000000000a7", "多单位成员", units.Select(u => new UnitMembership(u, RosterRole.Member)).ToArray());
        await using var bot = await UpdateBot.StartAsync(databasePath: _bot.DatabasePath, alsoOnRoster: member);

        var history = await bot.SayAsync("第20项进展", member);

        Assert.Contains("另有 1 个单位的进展未列出（只列出最近汇报的 10 个单位）。如需查看全部，请联系单位负责人或知识产权保护科管理员。", history.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("总览", history.Text, StringComparison.Ordinal);
    }

    /// <summary>Every unit of measure 20 reports once, an hour apart, with every text field at its limit; returns them oldest first.</summary>
    private static async Task<string[]> ReportAtLengthOnMeasure20Async(UpdateBot bot)
    {
        var catalog = bot.App.Services.GetRequiredService<UnitCatalog>();
        var units = catalog.ResponsibleUnits(catalog.Registry.Find(20)!).Select(u => u.Name).ToArray();
        var full = string.Concat(Enumerable.Repeat("组织开展地理标志保护专项行动，", 200))[..UpdateOptions.MaxTextLength];
        foreach (var (unit, i) in units.Select((u, i) => (u, i)))
        {
            var report = new ProgressReport(20, unit, "2026-11", "推进中", 50, full, full, full, true, full, "https://example.gov.cn/evidence/" + new string('a', 1900));
            await bot.Updates.SubmitAsync(report, new Submitter($"aad-{i}", $"联络员{i}"), $"key-{i}", [], TestContext.Current.CancellationToken);
            bot.Time.Advance(TimeSpan.FromHours(1));
        }
        return units;
    }

    [Fact]
    public async Task A_member_sees_only_their_own_units_updates()
    {
        await _bot.SayAsync("update 8 推进中 50% 稽查科进展");
        await _bot.SayAsync("update 8 受阻 20% 竞争科进展", People.CompetitionMember);
        var history = await _bot.SayAsync("第8项进展", People.CompetitionMember);
        Assert.Contains("竞争科进展", history.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("稽查科进展", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_updates_yet_says_how_to_report()
    {
        var history = await _bot.SayAsync("第9项进展");
        Assert.Contains("还没有您可查看的进展汇报", history.Text, StringComparison.Ordinal);
        Assert.Contains("汇报第9项", history.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_submitter_corrects_within_the_window_and_history_keeps_both_versions(bool execute)
    {
        var receipt = await _bot.SayAsync("update 8 推进中 60% 已完成专项检查3次");
        var form = await _bot.PressAsync(receipt, UpdateVerbs.Correct, execute: execute);
        Assert.Equal("已完成专项检查3次", form.Input("progress")!["value"]!.GetValue<string>());
        Assert.Contains("修改进展汇报", form.CardText, StringComparison.Ordinal);
        var preview = await _bot.PressAsync(form, UpdateVerbs.Preview, new() { ["progress"] = "已完成专项检查4次", ["percent"] = "70" }, execute: execute);
        var corrected = await _bot.PressAsync(preview, UpdateVerbs.Submit, execute: execute);
        Assert.Contains("已提交修改（第 2 版）", corrected.CardText, StringComparison.Ordinal);

        var current = Assert.Single(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
        var versions = await _bot.Updates.GetHistoryAsync(current.UpdateId, TestContext.Current.CancellationToken);
        Assert.Equal(["已完成专项检查3次", "已完成专项检查4次"], versions.Select(v => v.Report.Progress).ToArray());
        Assert.Equal(70, current.Report.PercentComplete);
        var history = await _bot.SayAsync("第8项进展");
        Assert.Contains("已修改，共 2 个版本", history.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public async Task A_correction_that_clears_the_major_issue_is_relayed_as_its_withdrawal(bool before, bool after, bool withdrawn)
    {
        var form = await _bot.SayAsync("汇报第8项");
        var preview = await _bot.PressAsync(form, UpdateVerbs.Preview, new()
        {
            ["status"] = "推进中",
            ["percent"] = "60",
            ["progress"] = "已完成专项检查3次",
            ["majorIssue"] = before ? "true" : "false",
            ["majorIssueDescription"] = before ? "跨区域侵权线索" : "",
        });
        var receipt = await _bot.PressAsync(preview, UpdateVerbs.Submit);
        var correction = await _bot.PressAsync(receipt, UpdateVerbs.Correct);
        var corrected = await _bot.PressAsync(await _bot.PressAsync(correction, UpdateVerbs.Preview, new()
        {
            ["majorIssue"] = after ? "true" : "false",
            ["majorIssueDescription"] = after ? "跨区域侵权线索，已移交公安" : "",
        }), UpdateVerbs.Submit);
        Assert.Contains("已提交修改（第 2 版）", corrected.CardText, StringComparison.Ordinal);

        var outbox = await _bot.App.Services.GetRequiredService<IRelayOutbox>().ClaimAsync("test", 100, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var payloads = outbox.Select(m => (m.Kind, Payload: RelayOutboxMessages.Read(m))).Where(m => m.Payload.IsCorrection).ToArray();
        Assert.All(payloads, m => Assert.Equal(withdrawn, m.Payload.MajorIssueWithdrawn));
        Assert.Equal(withdrawn || after, payloads.Any(m => m.Kind == RelayOutboxMessages.MajorIssueKind));
    }

    [Fact]
    public async Task After_the_window_the_correction_is_refused_with_the_reason()
    {
        var receipt = await _bot.SayAsync("update 8 推进中 60% 已完成专项检查3次");
        _bot.Time.Advance(TimeSpan.FromHours(25));
        var refused = await _bot.PressAsync(receipt, UpdateVerbs.Correct);
        Assert.Contains("已超过 24 小时，不能再修改", refused.Text, StringComparison.Ordinal);
        Assert.Null(refused.Card);
    }

    [Fact]
    public async Task Someone_else_cannot_correct_an_update()
    {
        var receipt = await _bot.SayAsync("update 8 推进中 60% 已完成专项检查3次", People.CompetitionMember);
        var refused = await _bot.PressAsync(receipt, UpdateVerbs.Correct);
        Assert.Contains("只有提交人本人可以修改", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_latest_update_can_be_corrected()
    {
        var older = await _bot.SayAsync("update 8 推进中 60% 第一次");
        _bot.Time.Advance(TimeSpan.FromMinutes(5));
        await _bot.SayAsync("update 8 推进中 70% 第二次");
        var refused = await _bot.PressAsync(older, UpdateVerbs.Correct);
        Assert.Contains("只能修改您对该措施最近一次的汇报", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_correction_window_is_configurable()
    {
        await using var bot = await UpdateBot.StartAsync(settings: new() { ["Updates:CorrectionWindow"] = "02:00:00" });
        var receipt = await bot.SayAsync("update 8 推进中 60% 已完成专项检查3次");
        bot.Time.Advance(TimeSpan.FromHours(3));
        var refused = await bot.PressAsync(receipt, UpdateVerbs.Correct);
        Assert.Contains("已超过 2 小时", refused.Text, StringComparison.Ordinal);
    }
}
