using System.Text;
using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;

namespace GiBot.Tests.Localization;

/// <summary>Cutting text at a length never splits a surrogate pair (an emoji cut in half reaches Teams as U+FFFD).</summary>
public sealed class TextCutTests
{
    private const string Emoji = "😀"; // two UTF-16 code units
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Throws when the text holds half a surrogate pair (it could not be sent as UTF-8).</summary>
    private static void AssertWhole(string text) => Strict.GetByteCount(text);

    [Theory]
    [InlineData("ab😀c", 3, "ab")] // the limit falls inside the pair: the emoji is left out whole
    [InlineData("ab😀c", 4, "ab😀")]
    [InlineData("ab😀c", 2, "ab")]
    [InlineData("ab😀c", 5, "ab😀c")]
    [InlineData("ab😀c", 50, "ab😀c")]
    [InlineData("ab😀c", 0, "")]
    [InlineData("😀", 1, "")]
    public void A_prefix_keeps_a_surrogate_pair_whole(string text, int max, string expected)
    {
        Assert.Equal(expected, TextCut.Prefix(text, max));
        Assert.Equal(expected.Length, TextCut.PrefixLength(text, max));
        AssertWhole(TextCut.Prefix(text, max));
    }

    [Fact]
    public void A_cut_adds_the_marker_only_when_something_was_left_out()
    {
        Assert.Equal("ab…", TextCut.Cut("ab😀c", 3, "…"));
        Assert.Equal("ab😀…", TextCut.Cut("ab😀c", 4, "…"));
        Assert.Equal("ab😀c", TextCut.Cut("ab😀c", 5, "…"));
    }

    [Fact]
    public void The_notification_summary_of_a_card_message_keeps_an_emoji_at_its_limit_whole()
    {
        var summary = MessageActivityFactory.Summary(new OutgoingMessage(new string('进', 199) + Emoji + "展"));
        Assert.Equal(new string('进', 199), summary);
        AssertWhole(summary);
        Assert.Equal(200, MessageActivityFactory.Summary(new OutgoingMessage(new string('进', 198) + Emoji + "展")).Length);
    }

    [Fact]
    public void A_measure_snippet_keeps_an_emoji_at_its_limit_whole_in_chinese_and_english()
    {
        var measure = Measure(new string('保', 47) + Emoji + "护地理标志", new string('a', 106) + Emoji + new string('b', 10));
        Assert.Equal(new string('保', 47) + "…", MeasureLabels.Snippet(measure, Language.Chinese));
        Assert.Equal(new string('a', 106) + "…", MeasureLabels.Snippet(measure, Language.English));
        Assert.Equal(new string('保', 46) + Emoji + "…", MeasureLabels.Snippet(Measure(new string('保', 46) + Emoji + "护", "x"), Language.Chinese));
    }

    private static Measure Measure(string text, string summaryEn)
    {
        var section = new PlanSection("四", 4, "加强地理标志行政保护", "Administrative protection");
        return new Measure(8, new PlanItem("（八）", 8, section, "严厉打击", "Enforcement"), text, [], null, null, summaryEn);
    }
}
