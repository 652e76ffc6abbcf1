using GiBot.Overview;

namespace GiBot.Tests.Overview;

/// <summary>The typed commands of the overview, and what it leaves to other features.</summary>
public sealed class OverviewCommandTests
{
    [Theory]
    [InlineData("总览", null)]
    [InlineData("overview", null)]
    [InlineData("Overview.", null)]
    [InlineData("总览 温县", "温县")]
    [InlineData("总览：执法稽查科", "执法稽查科")]
    [InlineData("overview Wen County", "Wen County")]
    [InlineData("总览 8", "8")]
    [InlineData("总览温县", "温县")]
    [InlineData("总览8", "8")]
    [InlineData("总览第八项", "第八项")]
    [InlineData("总览一下", null)]
    [InlineData("overview 8", "8")]
    public void Overview_with_an_optional_filter(string text, string? filter) =>
        Assert.Equal(new ShowOverview(filter), OverviewCommand.Parse(text));

    [Theory]
    [InlineData("overviews")]
    [InlineData("overview8")]
    public void English_needs_a_space_before_the_filter(string text) => Assert.Null(OverviewCommand.Parse(text));

    [Theory]
    [InlineData("本期未报送")]
    [InlineData("未报送")]
    [InlineData("not reported")]
    [InlineData("who has not reported?")]
    public void Missing_reports(string text) => Assert.IsType<ShowMissing>(OverviewCommand.Parse(text));

    [Theory]
    [InlineData("导出台账", true)]
    [InlineData("导出 csv", false)]
    [InlineData("导出督办台账 xlsx", true)]
    [InlineData("export", true)]
    [InlineData("export CSV", false)]
    public void Export_with_a_format(string text, bool xlsx) => Assert.Equal(new ExportLedger(xlsx), OverviewCommand.Parse(text));

    [Theory]
    [InlineData("看板")]
    [InlineData("Dashboard")]
    public void Dashboard(string text) => Assert.IsType<OpenDashboard>(OverviewCommand.Parse(text));

    [Theory]
    [InlineData("第8项进展")]
    [InlineData("8")]
    [InlineData("总览一下第8项是什么意思")]
    [InlineData("总览表在哪里")]
    [InlineData("总览谁能看")]
    [InlineData("我的措施")]
    [InlineData("export the measures to me")]
    public void Other_texts_are_left_to_other_features(string text) => Assert.Null(OverviewCommand.Parse(text));
}
