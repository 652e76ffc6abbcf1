using GiBot.Conversation;
using GiBot.Localization;
using GiBot.Measures.Questions;
using GiBot.Measures.Registry;
using GiBot.Tests.Cards;

namespace GiBot.Tests.Measures;

/// <summary>Every card the measures feature and the help can send is valid Adaptive Cards 1.5 within Teams' size limit.</summary>
public sealed class MeasureCardTests
{
    private static readonly MeasureRegistry Registry = TestRegistry.Registry;

    public static TheoryData<string> Languages() => ["zh-CN", "en-US"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_answer_card_validates(string tag)
    {
        AdaptiveCardSchema.SkipWithoutSchema();
        var language = LanguageExtensions.ParseTag(tag);
        foreach (var (name, query) in EveryQuery())
        {
            var reply = TestRegistry.Replies.Reply(query, language);
            Assert.NotNull(reply);
            Assert.False(string.IsNullOrWhiteSpace(reply.Text), name);
            AdaptiveCardSchema.AssertValid(Assert.Single(reply.Cards).Content, $"{name} ({tag})");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_card_for_the_question_table_validates(string tag)
    {
        AdaptiveCardSchema.SkipWithoutSchema();
        foreach (var (question, _) in QuestionTable.Parse())
        {
            if (TestRegistry.Replies.Reply(TestRegistry.Parser.Parse(question), LanguageExtensions.ParseTag(tag)) is { } reply)
            {
                AdaptiveCardSchema.AssertValid(reply.Cards.Single().Content, $"{question} ({tag})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_help_card_validates(string tag)
    {
        AdaptiveCardSchema.SkipWithoutSchema();
        AdaptiveCardSchema.AssertValid(HelpText.HelpCard(LanguageExtensions.ParseTag(tag)).Content, $"help ({tag})");
    }

    [Fact]
    public void A_measure_card_shows_number_placement_text_owners_lead_and_sibling_buttons()
    {
        var card = Single(new ShowMeasure(Registry.Find(20)!), Language.English);
        var json = CardJson.Text(card);
        Assert.Contains("Measure 20", json, StringComparison.Ordinal);
        Assert.Contains("（十三）", json, StringComparison.Ordinal);
        Assert.Contains("知识产权保护科 (IP Protection Section), lead", json, StringComparison.Ordinal);
        Assert.Contains("修武县市场监督管理局 (Xiuwu County Market Supervision Administration)", json, StringComparison.Ordinal);
        var actions = card["actions"]!.AsArray();
        var shown = actions.Select(a => a!["data"]!["number"]?.GetValue<int>()).OfType<int>().ToArray();
        Assert.Equal([17, 18, 19], shown);
        Assert.All(actions, a => Assert.Equal("en-US", a!["data"]!["lang"]!.GetValue<string>()));
    }

    [Fact]
    public void An_item_card_groups_its_measures_and_names_the_county_bureaus_once()
    {
        var item = Registry.FindItem("八")!;
        var reply = TestRegistry.Replies.Reply(new ShowItem(item, Registry.InItem(item)), Language.Chinese)!;
        var json = CardJson.Text(reply.Cards.Single().Content);
        foreach (var number in new[] { 8, 9, 10 })
        {
            Assert.Contains($"第 {number} 项措施", json, StringComparison.Ordinal);
        }
        Assert.Equal(1, Count(json, "各县（市）、区局和城乡一体化示范区分局共 11 个单位"));
        Assert.Equal(1, Count(reply.Text, "各县（市）、区局和城乡一体化示范区分局共 11 个单位"));
    }

    [Fact]
    public void The_county_bureaus_list_says_who_they_are()
    {
        var group = Registry.CountyBureausGroup;
        var reply = TestRegistry.Replies.Reply(new ListUnit(group, Registry.OwnedBy(group)), Language.Chinese)!;
        var json = CardJson.Text(reply.Cards.Single().Content);
        foreach (var bureau in Registry.CountyBureaus)
        {
            Assert.Contains(bureau.Name, reply.Text, StringComparison.Ordinal);
            Assert.Contains(bureau.Name, json, StringComparison.Ordinal);
        }
        var other = TestRegistry.Replies.Reply(new ListUnit(Registry.FindUnit("人事科")!, Registry.OwnedBy(Registry.FindUnit("人事科")!)), Language.Chinese)!;
        Assert.DoesNotContain(Registry.CountyBureaus[0].Name, other.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_card_stays_well_under_the_limit()
    {
        var largest = EveryQuery()
            .SelectMany(q => new[] { Language.Chinese, Language.English }.Select(l => TestRegistry.Replies.Reply(q.Query, l)!.Cards.Single().Content.ToJsonString()))
            .Max(j => System.Text.Encoding.UTF8.GetByteCount(j));
        Assert.InRange(largest, 1, AdaptiveCardSchema.MaxCardBytes);
    }

    private static System.Text.Json.Nodes.JsonObject Single(MeasureQuery query, Language language) =>
        TestRegistry.Replies.Reply(query, language)!.Cards.Single().Content;

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static IEnumerable<(string Name, MeasureQuery Query)> EveryQuery()
    {
        foreach (var measure in Registry.Measures)
        {
            yield return ($"measure {measure.Number}", new ShowMeasure(measure));
        }
        foreach (var item in Registry.Items)
        {
            yield return ($"item {item.Number}", new ShowItem(item, Registry.InItem(item)));
        }
        foreach (var section in Registry.Sections)
        {
            yield return ($"section {section.Number}", new ListSection(section, Registry.InSection(section)));
        }
        foreach (var unit in Registry.Units.Append(Registry.CountyBureausGroup))
        {
            yield return ($"unit {unit.Name}", new ListUnit(unit, Registry.OwnedBy(unit)));
        }
        yield return ("all", new ListAll(Registry.Measures));
        yield return ("keyword", new KeywordMatches("地理标志", Registry.Measures));
        yield return ("out of range", new NumberOutOfRange(21));
        yield return ("no such part", new PartOutOfRange("一", IsSection: true));
        yield return ("no such item", new PartOutOfRange("一", IsSection: false));
        yield return ("clarify", new Clarify([
            new MeasureChoice(Registry.Find(8)!), new ItemChoice(Registry.FindItem("八")!),
            new SectionChoice(Registry.FindSection("四")!), new UnitChoice(Registry.FindUnit("人事科")!)]));
    }
}
