using GiBot.Localization;

namespace GiBot.Tests.Measures;

/// <summary>A question in traditional characters gets the very answer its simplified twin gets, text and card.</summary>
public sealed class TraditionalQuestionTests
{
    [Theory]
    [InlineData("第八項措施誰負責", "第八项措施谁负责")]
    [InlineData("知識產權保護科負責哪些", "知识产权保护科负责哪些")]
    [InlineData("地理標誌", "地理标志")]
    [InlineData("哪些措施涉及輿情監測", "哪些措施涉及舆情监测")]
    [InlineData("知識產權保護科牽頭哪些", "知识产权保护科牵头哪些")]
    [InlineData("第一百項", "第一百项")]
    [InlineData("第十項措施由哪個科室負責", "第十项措施由哪个科室负责")]
    [InlineData("食品科負責哪些", "食品科负责哪些")]
    public void Gets_the_answer_of_its_simplified_twin(string traditional, string simplified)
    {
        Assert.Equal(Language.Chinese, LanguageDetector.Detect(traditional, "en-US"));
        var expected = TestRegistry.Replies.Reply(TestRegistry.Parser.Parse(simplified), Language.Chinese);
        var actual = TestRegistry.Replies.Reply(TestRegistry.Parser.Parse(traditional), Language.Chinese);
        Assert.NotNull(expected);
        Assert.Equal(expected.Text, actual?.Text);
        Assert.Equal(expected.Cards.Single().Content.ToJsonString(), actual!.Cards.Single().Content.ToJsonString());
    }
}
