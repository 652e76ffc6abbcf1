using GiBot.Updates;

namespace GiBot.Tests.Updates;

/// <summary>Which texts the update feature takes; everything else is left to the measures feature and help.</summary>
public sealed class UpdateCommandTests
{
    [Theory]
    [InlineData("汇报进展", null)]
    [InlineData("update", null)]
    [InlineData("Update.", null)]
    [InlineData("report progress", null)]
    [InlineData("update 8", 8)]
    [InlineData("update measure 8", 8)]
    [InlineData("第8项汇报", 8)]
    [InlineData("第十二项汇报进展", 12)]
    [InlineData("汇报第8项", 8)]
    [InlineData("汇报第二十项进展", 20)]
    [InlineData("汇报进展 3", 3)]
    [InlineData("报送进展", null)]
    [InlineData("进展报送", null)]
    [InlineData("提交进展", null)]
    [InlineData("上报进展", null)]
    [InlineData("报告进展", null)]
    [InlineData("我要报送第8项进展", 8)]
    [InlineData("报送第八项进展", 8)]
    [InlineData("我要汇报第8项", 8)]
    [InlineData("上报第8项措施进展情况", 8)]
    [InlineData("report progress on measure 8", 8)]
    [InlineData("report on measure 8", 8)]
    [InlineData("submit progress for measure 8", 8)]
    [InlineData("report measure 8 progress", 8)]
    public void Opening_the_card(string text, int? measure) =>
        Assert.Equal(new StartUpdate(measure), UpdateCommand.Parse(text));

    [Theory]
    [InlineData("第8项进展", 8)]
    [InlineData("8项进展", 8)]
    [InlineData("第八项措施的进展", 8)]
    [InlineData("history 8", 8)]
    [InlineData("progress of measure 14", 14)]
    public void Showing_history(string text, int measure) =>
        Assert.Equal(new ShowHistory(measure), UpdateCommand.Parse(text));

    [Theory]
    [InlineData("update 8 推进中 60% 已完成专项检查3次", 8, "推进中", "60", "已完成专项检查3次")]
    [InlineData("汇报 8 已完成 100% 全部完成", 8, "已完成", "100", "全部完成")]
    [InlineData("汇报第9项 受阻：缺经费", 9, "受阻", null, "缺经费")]
    [InlineData("update 8 done 100％ all finished", 8, "已完成", "100", "all finished")]
    [InlineData("update 8 已完成专项检查", 8, null, null, "已完成专项检查")]
    [InlineData("update 8 推进中 60%", 8, "推进中", "60", null)]
    public void One_line_updates(string text, int measure, string? status, string? percent, string? progress) =>
        Assert.Equal(new QuickUpdate(measure, status, percent, progress), UpdateCommand.Parse(text));

    [Theory]
    [InlineData("第8项本期无新进展", 8)]
    [InlineData("第八项措施本期没有新进展", 8)]
    [InlineData("8 无新进展", 8)]
    [InlineData("第8项：无进展。", 8)]
    [InlineData("本期无新进展 第8项", 8)]
    [InlineData("无新进展，8", 8)]
    [InlineData("update 8 无新进展", 8)]
    [InlineData("汇报第8项 本期无新进展", 8)]
    [InlineData("no news on measure 8", 8)]
    [InlineData("No news this period for measure 12", 12)]
    [InlineData("measure 8: nothing new", 8)]
    [InlineData("update 8 no change", 8)]
    [InlineData("本期无新进展", null)]
    [InlineData("no news", null)]
    public void Saying_nothing_changed(string text, int? measure) =>
        Assert.Equal(new NoChange(measure), UpdateCommand.Parse(text));

    [Theory]
    [InlineData("第8项措施谁负责")]
    [InlineData("执法稽查科负责哪些措施")]
    [InlineData("帮助")]
    [InlineData("汇报进展要求是什么时候")]
    [InlineData("updates are late")]
    [InlineData("报告在哪里下载")]
    [InlineData("第8项没有进展怎么办")]
    [InlineData("no news is good news")]
    public void Other_questions_are_left_alone(string text) => Assert.Null(UpdateCommand.Parse(text));
}
