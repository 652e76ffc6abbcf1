using GiBot.Roster;
using GiBot.Roster.Teams;

namespace GiBot.Tests.Roster;

public sealed class RosterCommandParserTests
{
    [Theory]
    [InlineData("我是执法稽查科的联络员", "执法稽查科", RosterRole.Liaison)]
    [InlineData("我是 人事科 的科长。", "人事科", RosterRole.Head)]
    [InlineData("I am the liaison of the Personnel Section", "Personnel Section", RosterRole.Liaison)]
    [InlineData("I'm a member of Wen County Market Supervision Administration", "Wen County Market Supervision Administration", RosterRole.Member)]
    [InlineData("我是人事科联络员", "人事科", RosterRole.Liaison)]
    [InlineData("我是人事科的科员", "人事科", RosterRole.Member)]
    [InlineData("我是温县局科员", "温县局", RosterRole.Member)]
    [InlineData("I’m the liaison of Wen County", "Wen County", RosterRole.Liaison)]
    public void Join_requests_name_a_unit_and_a_role(string text, string unit, RosterRole role) =>
        Assert.Equal(new RequestJoin(unit, role), RosterCommandParser.Parse(text));

    [Fact]
    public void Admin_commands_are_read_in_both_languages()
    {
        Assert.Equal(new AddPerson("zhangsan@example.gov.cn", "执法稽查科", "联络员"), RosterCommandParser.Parse("添加 zhangsan@example.gov.cn 到 执法稽查科 为 联络员"));
        Assert.Equal(new AddPerson("张三", "Personnel Section", "liaison"), RosterCommandParser.Parse("add 张三 to the Personnel Section as liaison"));
        Assert.Equal(new AddPerson("", "标准化科", "负责人"), RosterCommandParser.Parse("添加 到 标准化科 为 负责人"));
        Assert.Equal(new RemovePerson("张三", "执法稽查科"), RosterCommandParser.Parse("移除 张三 从 执法稽查科"));
        Assert.Equal(new RemovePerson("张三", null), RosterCommandParser.Parse("remove 张三"));
        Assert.Equal(new ChangeRole("张三", null, RosterRole.Head), RosterCommandParser.Parse("把 张三 设为 负责人"));
        Assert.Equal(new ChangeRole("张三", "人事科", RosterRole.Liaison), RosterCommandParser.Parse("将 张三 在 人事科 设为 联络员"));
        Assert.Equal(new ChangeRole("Zhang San", "Personnel Section", RosterRole.Head), RosterCommandParser.Parse("make Zhang San head of the Personnel Section"));
        Assert.Equal(new ListRoster(null), RosterCommandParser.Parse("成员列表"));
        Assert.Equal(new ListRoster("执法稽查科"), RosterCommandParser.Parse("roster 执法稽查科"));
        Assert.Equal(new ShowMyMeasures(), RosterCommandParser.Parse("My measures?"));
        Assert.Equal(new ShowMyMeasures("温县"), RosterCommandParser.Parse("我的措施 温县"));
        Assert.Equal(new ShowMyMeasures("Wen County"), RosterCommandParser.Parse("my measures: Wen County"));
        Assert.IsType<ShowJoinPicker>(RosterCommandParser.Parse("加入单位"));
    }

    [Theory]
    [InlineData("执法稽查科负责哪些措施")]
    [InlineData("第八项措施谁负责")]
    [InlineData("删除第8项进展")]
    [InlineData("remove reminder 8")]
    [InlineData("add an update to measure 8")]
    [InlineData("我是谁")]
    [InlineData("我是管理员")]
    [InlineData("我是人事科的")]
    [InlineData("人事科负责哪些措施")]
    [InlineData("人事科联络员是谁")]
    [InlineData("")]
    public void Other_messages_are_left_to_other_features(string text) => Assert.Null(RosterCommandParser.Parse(text));
}
