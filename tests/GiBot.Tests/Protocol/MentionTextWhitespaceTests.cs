using GiBot.Measures.Questions;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;

namespace GiBot.Tests.Protocol;

/// <summary>Plain text skips the folding and normalization work; every other text is folded and normalized as before.</summary>
public sealed class MentionTextWhitespaceTests
{
    private static string Strip(string text) => MentionText.StripBotMention(new Activity { Text = text, Recipient = new ChannelAccount { Id = "28:bot" } });

    [Theory]
    [InlineData("who is responsible for measure 8", "who is responsible for measure 8")]
    [InlineData("  第八项 谁负责 ", "第八项 谁负责")]
    [InlineData("who  owns\tmeasure\n8", "who owns measure 8")]
    [InlineData("第八项\u3000谁负责", "第八项 谁负责")]
    [InlineData("measure\u00a08", "measure 8")]
    [InlineData("a \u2028b", "a b")]
    [InlineData("x <at>GiBot</at> y", "x y")]
    [InlineData("1 < 2 &amp; 3", "1 < 2 & 3")]
    public void Folds_whitespace_runs_and_trims(string text, string expected) => Assert.Equal(expected, Strip(text));

    [Theory]
    [InlineData("Who Owns Measure 8 ", "who owns measure 8")]
    [InlineData("第８项", "第8项")]
    [InlineData("ＭＥＡＳＵＲＥ ８", "measure 8")]
    [InlineData("措施⑧", "措施 8 ")]
    public void Normalizes_ascii_and_other_text_alike(string text, string expected) => Assert.Equal(expected.Trim(), QuestionText.Normalize(text));
}
