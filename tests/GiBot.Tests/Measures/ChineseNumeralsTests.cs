using GiBot.Measures.Questions;

namespace GiBot.Tests.Measures;

public sealed class ChineseNumeralsTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("八", 8)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("十三", 13)]
    [InlineData("二十", 20)]
    [InlineData("二十一", 21)]
    [InlineData("两", 2)]
    [InlineData("零", 0)]
    [InlineData("二〇", 20)]
    [InlineData("十十", -1)]
    [InlineData("一百", 100)]
    [InlineData("百", 100)]
    [InlineData("一百零一", 101)]
    [InlineData("一百二十", 120)]
    [InlineData("二百零一", 201)]
    [InlineData("一千", 1000)]
    [InlineData("两千零二十", 2020)]
    [InlineData("一万", 10000)]
    [InlineData("一万零八", 10008)]
    [InlineData("十〇", 10)]
    [InlineData("二十〇", 20)]
    [InlineData("一〇〇", 100)]
    [InlineData("一百百", -1)]
    [InlineData("十百", -1)]
    [InlineData("八八十", -1)]
    [InlineData("一万万", -1)]
    [InlineData("九九九九九九九九九九九九", ChineseNumerals.TooLarge)]
    [InlineData("九千九百九十九万九千九百九十九", 99_999_999)]
    [InlineData("", -1)]
    public void Parses(string text, int expected) => Assert.Equal(expected, ChineseNumerals.Parse(text));

    [Fact]
    public void Formats_every_number_of_the_plan_and_reads_it_back()
    {
        Assert.Equal("八", ChineseNumerals.Format(8));
        Assert.Equal("十三", ChineseNumerals.Format(13));
        Assert.Equal("二十", ChineseNumerals.Format(20));
        Assert.All(Enumerable.Range(0, 100), n => Assert.Equal(n, ChineseNumerals.Parse(ChineseNumerals.Format(n))));
    }
}
