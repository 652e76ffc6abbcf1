using GiBot.Updates;

namespace GiBot.Tests.Updates;

/// <summary>One line of text gives the same update as the card, with the same rules.</summary>
public sealed class UpdateTextFallbackTests : IAsyncLifetime
{
    private UpdateBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await UpdateBot.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("update 8 推进中 60% 已完成专项检查3次", 8, "推进中", 60, "已完成专项检查3次")]
    [InlineData("汇报 9 已完成 100% 全年任务完成", 9, "已完成", 100, "全年任务完成")]
    [InlineData("汇报第10项 受阻，缺少检测经费", 10, "受阻", null, "缺少检测经费")]
    [InlineData("update 8 in-progress 40% two joint inspections", 8, "推进中", 40, "two joint inspections")]
    public async Task One_line_submits_the_update_for_the_users_only_unit(string line, int measure, string status, int? percent, string progress)
    {
        var answer = await _bot.SayAsync(line);
        Assert.Equal("POST", answer.Method);
        // The answer follows the language of the line: English only when it has no Chinese.
        Assert.Contains(line.Any(c => c > 0x2e80) ? "已提交" : "submitted", answer.Text, StringComparison.Ordinal);
        var update = Assert.Single(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
        Assert.Equal((measure, "执法稽查科", "2026-11", status, percent, progress),
            (update.Report.Measure, update.Report.UnitId, update.Report.Period, update.Report.Status, update.Report.PercentComplete, update.Report.Progress));
    }

    [Theory]
    [InlineData("update 8 推进中 60%", "工作进展：请填写工作进展")]
    [InlineData("update 8 差不多 60% 已开展检查", "进展状态：请选择进展状态")]
    [InlineData("汇报 8 推进中 150% 已开展检查", "完成进度（%）：完成进度请填写 0 到 100 之间的整数")]
    public async Task A_line_breaking_a_rule_says_which_and_opens_the_card_with_what_was_typed(string line, string expected)
    {
        var answer = await _bot.SayAsync(line);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Contains("也可以重新发送完整的一行", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.HasAction(UpdateVerbs.Preview));
        Assert.Empty(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_line_that_fails_keeps_an_unfinished_card_draft_as_it_was()
    {
        var card = await _bot.SayAsync("汇报进展 9");
        await _bot.PressAsync(card, UpdateVerbs.Preview, new() { ["status"] = "推进中", ["progress"] = "已起草方案" });

        var answer = await _bot.SayAsync("update 8 推进中 150% 已开展检查");
        Assert.Contains("完成进度请填写 0 到 100 之间的整数", answer.Text, StringComparison.Ordinal);
        Assert.Contains("第 9 项措施的进展草稿，已原样保留", answer.Text, StringComparison.Ordinal);
        Assert.Null(answer.Card);

        var resumed = await _bot.SayAsync("汇报进展");
        var continued = await _bot.PressAsync(resumed, UpdateVerbs.Resume);
        Assert.Equal("已起草方案", continued.Input("progress")!["value"]!.GetValue<string>());
        Assert.Empty(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_too_long_line_is_refused_with_the_limit()
    {
        var answer = await _bot.SayAsync("update 8 推进中 60% " + new string('查', 2001));
        Assert.Contains("最多 2000 字，现有 2001 字", answer.Text, StringComparison.Ordinal);
        Assert.Empty(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_full_length_update_is_stored_whole_and_the_receipt_shows_an_excerpt_with_the_length()
    {
        var progress = new string('查', 2000);
        var answer = await _bot.SayAsync("update 8 推进中 60% " + progress);
        Assert.Contains("…（全文 2000 字）", answer.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain(progress, answer.CardText, StringComparison.Ordinal);
        Assert.Equal(progress, Assert.Single(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken)).Report.Progress);
    }

    [Fact]
    public async Task A_user_of_two_units_is_asked_for_the_unit_in_the_card()
    {
        var answer = await _bot.SayAsync("update 8 推进中 60% 已完成专项检查3次", People.TwoUnits);
        Assert.Contains("请选择汇报单位", answer.ErrorUnder("unit"), StringComparison.Ordinal);
        Assert.Equal("已完成专项检查3次", answer.Input("progress")!["value"]!.GetValue<string>());
        var preview = await _bot.PressAsync(answer, UpdateVerbs.Preview, new() { ["unit"] = "反不正当竞争科" }, People.TwoUnits);
        await _bot.PressAsync(preview, UpdateVerbs.Submit, who: People.TwoUnits);
        var update = Assert.Single(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
        Assert.Equal(("反不正当竞争科", 60), (update.Report.UnitId, update.Report.PercentComplete));
    }
}
