using GiBot.Relay;
using GiBot.Storage;
using GiBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace GiBot.Tests.Updates;

/// <summary>"第8项本期无新进展" typed: the reminder button's no-change report, for the caller's unit and the period open now.</summary>
public sealed class NoChangeTypedTests : IAsyncLifetime
{
    private UpdateBot _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await UpdateBot.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_latest_status_carries_over_and_the_report_is_relayed_once()
    {
        await _bot.SayAsync("update 8 受阻 40% 缺少经费");
        _bot.Time.Advance(TimeSpan.FromDays(31));

        var receipt = await _bot.SayAsync("第8项本期无新进展");
        Assert.Contains("已提交第 8 项措施的进展汇报", receipt.Text, StringComparison.Ordinal);
        var again = await _bot.SayAsync("第八项措施本期没有新进展");
        Assert.Contains("无需再报", again.Text, StringComparison.Ordinal);

        var current = Assert.Single(await _bot.Updates.ListCurrentAsync(new(Measure: 8), TestContext.Current.CancellationToken), u => u.Report.Progress == "本期无新进展。");
        Assert.Equal(("执法稽查科", UpdateStatus.Blocked, 40, "本期无新进展。"),
            (current.Report.UnitId, current.Report.Status, current.Report.PercentComplete, current.Report.Progress));
        Assert.NotEqual(UpdateBot.Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), current.Report.Period);
        var outbox = await _bot.App.Services.GetRequiredService<IRelayOutbox>().ClaimAsync("test", 100, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.Single(outbox, m => RelayOutboxMessages.Read(m).Report.Progress == "本期无新进展。");
    }

    [Fact]
    public async Task English_gets_an_english_receipt()
    {
        var receipt = await _bot.SayAsync("no news on measure 8");
        Assert.Contains("Your update on measure 8 is submitted", receipt.Text, StringComparison.Ordinal);
        var current = Assert.Single(await _bot.Updates.ListCurrentAsync(new(Measure: 8), TestContext.Current.CancellationToken));
        Assert.Equal(("No news this period.", UpdateStatus.InProgress), (current.Report.Progress, current.Report.Status));
    }

    [Fact]
    public async Task After_a_real_report_of_the_period_nothing_is_replaced()
    {
        await _bot.SayAsync("update 8 推进中 60% 已完成专项检查3次");
        var answer = await _bot.SayAsync("8 无新进展");
        Assert.Contains("无需再报", answer.Text, StringComparison.Ordinal);
        Assert.Equal("已完成专项检查3次", Assert.Single(await _bot.Updates.ListCurrentAsync(new(Measure: 8), TestContext.Current.CancellationToken)).Report.Progress);
    }

    [Fact]
    public async Task Without_a_measure_or_with_several_units_it_asks_instead_of_guessing()
    {
        var which = await _bot.SayAsync("本期无新进展");
        Assert.Contains("第8项本期无新进展", which.Text, StringComparison.Ordinal);
        var several = await _bot.SayAsync("第8项本期无新进展", People.Admin);
        Assert.Contains("多个单位", several.Text, StringComparison.Ordinal);
        var english = await _bot.SayAsync("no news on measure 8", People.Admin);
        Assert.Contains("several units (", english.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english.Text);
        Assert.Empty(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Someone_else_s_measure_or_a_measure_outside_the_plan_is_refused()
    {
        var notYours = await _bot.SayAsync("第2项本期无新进展");
        Assert.Contains("不由您所在单位", notYours.Text, StringComparison.Ordinal);
        var outside = await _bot.SayAsync("第25项本期无新进展");
        Assert.Contains("没有第 25 项", outside.Text, StringComparison.Ordinal);
        var stranger = await _bot.SayAsync("第8项本期无新进展", People.Stranger);
        Assert.Contains("不在进展汇报人员名单中", stranger.Text, StringComparison.Ordinal);
        Assert.Empty(await _bot.Updates.ListCurrentAsync(new(), TestContext.Current.CancellationToken));
    }
}
