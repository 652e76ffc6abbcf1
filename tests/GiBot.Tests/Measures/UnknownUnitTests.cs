using GiBot.Localization;
using GiBot.Measures.Questions;
using GiBot.Tests.Cards;

namespace GiBot.Tests.Measures;

/// <summary>A unit the plan does not name is said to be missing, with the closest units, what they own, and every unit the plan names.</summary>
public sealed class UnknownUnitTests
{
    [Fact]
    public void Says_the_plan_does_not_name_it_and_suggests_the_closest_units_with_their_measures()
    {
        var reply = Answer("食品安全科负责哪些");
        Assert.StartsWith("**分工方案的工作分工中没有“食品安全科”。**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- 食品生产安全监督管理科：第 4 项措施\n- 产品质量安全监督管理科：第 4 项措施", reply.Text, StringComparison.Ordinal);
        Assert.Contains("来源：" + TestRegistry.Registry.PlanTitle, reply.Text, StringComparison.Ordinal);
        var card = CardJson.Text(reply.Cards.Single().Content);
        Assert.Contains("食品生产安全监督管理科负责的措施", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"measure.list\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_every_unit_the_plan_names_so_the_user_can_find_the_right_one()
    {
        var reply = Answer("财务科");
        Assert.Contains("分工方案中没有名称相近的单位。", reply.Text, StringComparison.Ordinal);
        var registry = TestRegistry.Registry;
        foreach (var unit in registry.Units.Where(u => u.Kind != GiBot.Measures.Registry.UnitKind.CountyBureau).Append(registry.CountyBureausGroup))
        {
            Assert.Contains(unit.Name, reply.Text, StringComparison.Ordinal);
        }
        Assert.Single(reply.Cards.Single().Content["actions"]!.AsArray());
    }

    [Fact]
    public void A_unit_owning_every_measure_is_said_to_own_all_twenty()
    {
        var reply = Answer("市场科");
        Assert.Contains($"- {TestRegistry.Registry.CountyBureausGroup.Name}：全部 20 项措施", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_in_english_when_the_question_is_english()
    {
        var reply = TestRegistry.Replies.Reply(TestRegistry.Parser.Parse("食品科"), Language.English)!;
        Assert.StartsWith("**The plan’s division of work does not name “食品科”.**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- 食品生产安全监督管理科 (Food Production Safety Supervision Section): measure 4", reply.Text, StringComparison.Ordinal);
        Assert.Equal("en", reply.Cards.Single().Content["lang"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("保护中心")]
    [InlineData("市局")]
    [InlineData("执法科")]
    [InlineData("知识产权维权保护中心")]
    [InlineData("安全科")]
    public void Words_of_the_plan_real_units_and_ambiguous_names_are_not_unknown_units(string question) =>
        Assert.IsNotType<UnknownUnit>(TestRegistry.Parser.Parse(question));

    private static GiBot.Protocol.Turns.OutgoingMessage Answer(string question) =>
        TestRegistry.Replies.Reply(TestRegistry.Parser.Parse(question), LanguageDetector.Detect(question, "zh-CN"))!;
}
