using GiBot.Measures.Questions;

namespace GiBot.Tests.Measures;

public sealed class EnglishNumbersTests
{
    [Theory]
    [InlineData("eight", 8)]
    [InlineData("eighth", 8)]
    [InlineData("eighteen", 18)]
    [InlineData("twenty", 20)]
    [InlineData("twentieth", 20)]
    [InlineData("twenty-one", 21)]
    [InlineData("twenty one", 21)]
    [InlineData("twenty-first", 21)]
    [InlineData("ninety nine", 99)]
    [InlineData("hundred", 100)]
    [InlineData("one hundred", 100)]
    [InlineData("one hundred and five", 105)]
    [InlineData("one hundredth", 100)]
    [InlineData("two thousand and twenty", 2020)]
    [InlineData("one thousand five hundred", 1500)]
    [InlineData("zero", 0)]
    public void Reads_whole_numbers(string words, int expected) => Assert.Equal(expected, EnglishNumbers.Parse(words));

    [Theory]
    [InlineData("one two")]
    [InlineData("twenty twenty")]
    [InlineData("twenty eleven")]
    [InlineData("eleven one")]
    [InlineData("one and two")]
    [InlineData("twenty hundred")]
    [InlineData("one thousand two thousand")]
    [InlineData("measure")]
    [InlineData("")]
    public void Words_that_make_no_one_number_are_not_read(string words) => Assert.Null(EnglishNumbers.Parse(words));

    [Theory]
    [InlineData("who owns measure twenty-one please", "measure ", "twenty-one")]
    [InlineData("measure one hundred and five owners", "measure ", "one hundred and five")]
    [InlineData("measures one and two", "measures ", "one")]
    [InlineData("measure twenty is fine", "measure ", "twenty")]
    public void A_number_runs_over_the_number_words_after_the_first(string text, string before, string number)
    {
        var from = text.IndexOf(before, StringComparison.Ordinal) + before.Length;
        Assert.Equal(number, text[from..EnglishNumbers.EndOfNumber(text, from + number.Split(' ', '-')[0].Length)]);
    }

    [Theory]
    [InlineData("the twenty-first measure", "twenty-first")]
    [InlineData("the one hundred and first measure", "one hundred and first")]
    [InlineData("who owns the first measure", "first")]
    [InlineData("one and first measure", "first")]
    public void An_ordinal_starts_at_the_number_words_before_it(string text, string number)
    {
        var last = number.Split(' ', '-')[^1];
        var at = text.IndexOf(last + " measure", StringComparison.Ordinal);
        Assert.Equal(number, text[EnglishNumbers.StartOfNumber(text, at)..(at + last.Length)]);
    }
}
