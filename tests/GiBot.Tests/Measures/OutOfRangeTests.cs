using GiBot.Localization;
using GiBot.Measures.Questions;

namespace GiBot.Tests.Measures;

/// <summary>A measure number the plan does not have is answered with the plan's 20, in the question's language.</summary>
public sealed class OutOfRangeTests
{
    [Theory]
    [InlineData("第一百项措施谁负责", "分工方案共有 20 项措施（序号 1 至 20），没有第 100 项。")]
    [InlineData("第二十一项", "分工方案共有 20 项措施（序号 1 至 20），没有第 21 项。")]
    [InlineData("第0项", "分工方案共有 20 项措施（序号 1 至 20），没有第 0 项。")]
    [InlineData("who is responsible for measure 100", "The plan has 20 measures (numbered 1 to 20); there is no measure 100.")]
    public void Names_the_number_asked_and_the_plans_twenty(string question, string heading)
    {
        var reply = TestRegistry.Replies.Reply(TestRegistry.Parser.Parse(question), LanguageDetector.Detect(question, "zh-CN"));
        Assert.StartsWith($"**{heading}**", reply!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("第99999999999项", "没有这么大的序号")]
    [InlineData("第九九九九九九九九九九九项", "没有这么大的序号")]
    [InlineData("measure 99999999999", "there is no measure with a number that large")]
    public void A_number_too_large_to_read_is_not_answered_as_another_number(string question, string says)
    {
        var query = Assert.IsType<NumberOutOfRange>(TestRegistry.Parser.Parse(question));
        var reply = TestRegistry.Replies.Reply(query, LanguageDetector.Detect(question, "zh-CN"));
        Assert.Contains(says, reply!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ChineseNumerals.TooLarge.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Text, StringComparison.Ordinal);
    }
}
