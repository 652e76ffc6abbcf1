using System.Text.Json.Nodes;
using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Measures.Questions;
using GiBot.Protocol.Turns;

namespace GiBot.Tests.Measures;

/// <summary>Answers fixed by the registry are built once per language and shared; answers to free words are not.</summary>
public sealed class AnswerCacheTests
{
    private static readonly MeasureReplies Replies = new(TestRegistry.Registry);

    [Fact]
    public void A_measure_answer_is_built_once_per_language_and_sent_as_built()
    {
        var measure = TestRegistry.Registry.Find(8)!;
        var first = Replies.Reply(new ShowMeasure(measure), Language.Chinese)!;
        var again = Replies.Reply(new ShowMeasure(measure), Language.Chinese)!;
        var english = Replies.Reply(new ShowMeasure(measure), Language.English)!;

        Assert.Same(first, again);
        Assert.NotSame(first, english);
        Assert.Contains("Measure 8", english.Text, StringComparison.Ordinal);
        // The cached card goes on the wire exactly as a card built afresh for the same question.
        var fresh = new MeasureReplies(TestRegistry.Registry).Reply(new ShowMeasure(measure), Language.Chinese)!.Cards.Single();
        Assert.True(JsonNode.DeepEquals(fresh.Content, JsonNode.Parse(CardPayloads.Of(again.Cards.Single()).ToString())));
    }

    [Fact]
    public void Answers_about_different_measures_items_and_units_are_kept_apart()
    {
        var registry = TestRegistry.Registry;
        var item = registry.FindItem("八")!;
        var unit = registry.Units.First(u => registry.OwnedBy(u).Count > 0);
        var answers = new[]
        {
            Replies.Reply(new ShowMeasure(registry.Find(8)!), Language.Chinese)!,
            Replies.Reply(new ShowMeasure(registry.Find(9)!), Language.Chinese)!,
            Replies.Reply(new ShowItem(item, registry.InItem(item)), Language.Chinese)!,
            Replies.Reply(new ListUnit(unit, registry.OwnedBy(unit)), Language.Chinese)!,
            Replies.Reply(new ListAll(registry.Measures), Language.Chinese)!,
        };
        Assert.Equal(answers.Length, answers.Select(a => a.Text).Distinct().Count());
    }

    [Fact]
    public void Keyword_answers_follow_the_words_asked()
    {
        var one = TestRegistry.Parser.Parse("双随机");
        var other = TestRegistry.Parser.Parse("当阳峪绞胎瓷");
        Assert.IsType<KeywordMatches>(one);
        Assert.IsType<KeywordMatches>(other);
        var a = Replies.Reply(one, Language.Chinese);
        var b = Replies.Reply(other, Language.Chinese);
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.NotEqual(a!.Text, b!.Text);
        Assert.NotSame(a, Replies.Reply(TestRegistry.Parser.Parse("双随机"), Language.Chinese));
    }
}
