using GiBot.Roster;
using GiBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Updates;

/// <summary>Every refusal says why and what to do.</summary>
public sealed class UpdateRefusalTests : IAsyncLifetime
{
    private UpdateBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await UpdateBot.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("汇报进展")]
    [InlineData("update 8 推进中 60% 已完成")]
    [InlineData("第8项进展")]
    public async Task Someone_not_on_the_roster_is_told_whom_to_ask(string text)
    {
        var answer = await _bot.SayAsync(text, People.Stranger);
        Assert.Contains("不在进展汇报人员名单中", answer.Text, StringComparison.Ordinal);
        Assert.Contains("联系知识产权保护科管理员", answer.Text, StringComparison.Ordinal);
        Assert.Null(answer.Card);
    }

    [Theory]
    [InlineData("汇报进展", "暂不能汇报进展")]
    [InlineData("update 8 推进中 60% 已完成", "暂不能汇报进展")]
    [InlineData("第8项本期无新进展", "暂不能汇报进展")]
    [InlineData("第8项进展", "暂不能查看进展")]
    public async Task Someone_not_on_the_roster_is_told_what_they_cannot_do_and_how_to_join(string text, string cannot)
    {
        var answer = await _bot.SayAsync(text, People.Stranger);
        Assert.Contains(cannot, answer.Text, StringComparison.Ordinal);
        Assert.Contains("请发送“我是××的联络员”（××为单位名称", answer.Text, StringComparison.Ordinal);
        GiBot.Tests.Localization.VisiblePlaceholders.AssertShown(answer.Text);
    }

    [Theory]
    [InlineData("history 8", "so you cannot see updates")]
    [InlineData("update 8", "so you cannot report")]
    public async Task In_English_too(string text, string cannot)
    {
        var answer = await _bot.SayAsync(text, People.Stranger);
        Assert.Contains(cannot, answer.Text, StringComparison.Ordinal);
        Assert.Contains("send \"I am the liaison of [unit]\"", answer.Text, StringComparison.Ordinal);
        GiBot.Tests.Localization.VisiblePlaceholders.AssertShown(answer.Text);
    }

    [Fact]
    public async Task A_measure_of_another_unit_is_refused_naming_the_users_measures()
    {
        var answer = await _bot.SayAsync("汇报第2项");
        Assert.Contains("第 2 项措施不由您所在单位（执法稽查科）负责", answer.Text, StringComparison.Ordinal);
        // 执法稽查科 also owns measure 20 as one of 市局各有关科室 (Roster:Groups in appsettings.json).
        Assert.Contains("第 8、9、10、20 项", answer.Text, StringComparison.Ordinal);
        var english = await _bot.SayAsync("update 2 done 100% finished");
        Assert.Contains("measure 2 is not your unit's (Enforcement and Inspection Section)", english.Text, StringComparison.Ordinal);
        Assert.Empty(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_unit_without_measures_is_told_so()
    {
        var database = UpdateBot.NewDatabasePath();
        await using (var before = await UpdateBot.StartAsync(People.RetiredBureauSettings, database, People.Office))
        {
            var seeded = await before.App.Services.GetRequiredService<IRosterDirectory>().FindAsync(People.Office.AadObjectId, TestContext.Current.CancellationToken);
            Assert.Equal([People.RetiredBureau], seeded?.UnitIds);
        }
        await using var restarted = await UpdateBot.StartAsync(databasePath: database);
        var answer = await restarted.SayAsync("汇报进展", People.Office);
        Assert.Contains($"您所在单位（{People.RetiredBureau}）目前没有可汇报的措施", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("update 21", "The plan has 20 measures")]
    [InlineData("汇报第21项", "分工方案共有 20 项措施")]
    [InlineData("第25项进展", "分工方案共有 20 项措施")]
    public async Task An_unknown_measure_number_says_the_plan_has_20(string text, string expected)
    {
        var answer = await _bot.SayAsync(text);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_button_from_a_stranger_is_refused_too()
    {
        var answer = await _bot.PressDataAsync(UpdateVerbs.StartData(8, GiBot.Localization.Language.Chinese), People.Stranger);
        Assert.Contains("不在进展汇报人员名单中", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_about_a_measure_still_reach_the_measures_feature()
    {
        var answer = await _bot.SayAsync("第8项措施谁负责");
        Assert.Contains("执法稽查科", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("进展汇报", answer.Text, StringComparison.Ordinal);
    }
}
