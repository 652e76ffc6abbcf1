using System.Text.RegularExpressions;
using GiBot.Localization;
using GiBot.Measures.Questions;
using GiBot.Measures.Registry;
using GiBot.Tests.Cards;

namespace GiBot.Tests.Measures;

/// <summary>Every question of <see cref="QuestionTable"/> gets exactly the expected measures and owners, in the question's language.</summary>
public sealed partial class QuestionTableTests
{
    private static readonly MeasureRegistry Registry = TestRegistry.Registry;

    public static TheoryData<string, string> Rows() => [.. QuestionTable.Parse()];

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_question_gets_exactly_the_expected_answer(string question, string expectation)
    {
        var query = TestRegistry.Parser.Parse(question);
        var language = LanguageDetector.Detect(question, "zh-CN");
        var reply = TestRegistry.Replies.Reply(query, language);
        var (kind, argument, numbers) = Split(expectation);
        switch (kind)
        {
            case "measure":
                var measure = Assert.IsType<ShowMeasure>(query).Measure;
                Assert.Equal(int.Parse(argument), measure.Number);
                Assert.Equal([.. QuestionTable.Owners[measure.Number], QuestionTable.CountyBureaus], measure.Owners.Select(u => u.Name));
                foreach (var owner in measure.Owners)
                {
                    Assert.Contains(language.Pick(owner.Name, $"{owner.Name} ({owner.NameEn})"), reply!.Text, StringComparison.Ordinal);
                }
                Assert.Contains(measure.Text.Split('\n')[0], reply!.Text, StringComparison.Ordinal);
                Assert.Contains(language.Pick($"第 {measure.Number} 项措施", $"Measure {measure.Number}"), reply.Text, StringComparison.Ordinal);
                var source = language.Pick($"来源：{TestRegistry.Registry.PlanTitle}，序号 {measure.Number}",
                    $"Source: {TestRegistry.Registry.PlanTitle} ({TestRegistry.Registry.PlanTitleEn}), No. {measure.Number}");
                Assert.Contains(source, reply.Text, StringComparison.Ordinal);
                Assert.Contains(source, CardJson.Text(reply.Cards.Single().Content), StringComparison.Ordinal);
                break;
            case "item":
                var item = Assert.IsType<ShowItem>(query);
                Assert.Equal(argument, item.Item.Number);
                Assert.Equal(numbers, item.Measures.Select(m => m.Number));
                foreach (var m in item.Measures)
                {
                    Assert.Contains(m.Text.Split('\n')[0], reply!.Text, StringComparison.Ordinal);
                    Assert.All(QuestionTable.Owners[m.Number], o => Assert.Contains(o, reply.Text, StringComparison.Ordinal));
                }
                break;
            case "section":
                Assert.Equal(argument, Assert.IsType<ListSection>(query).Section.Number);
                AssertListed(numbers, reply!.Text, ordered: true);
                break;
            case "unit":
                Assert.Equal(argument, Assert.IsType<ListUnit>(query).Unit.Name);
                Assert.Equal(numbers, query.Measures.Select(m => m.Number));
                Assert.All(query.Measures, m => Assert.True(m.Units.Any(u => u.Name == argument) || m.SharedWithCountyBureaus));
                Assert.Contains(argument, reply!.Text, StringComparison.Ordinal);
                AssertListed(numbers, reply.Text, ordered: true);
                break;
            case "keyword":
                Assert.IsType<KeywordMatches>(query);
                AssertListed(numbers, reply!.Text, ordered: true);
                foreach (var m in query.Measures)
                {
                    Assert.All(QuestionTable.Owners[m.Number], o => Assert.Contains(o, reply.Text, StringComparison.Ordinal));
                }
                break;
            case "lead":
                var asked = Assert.IsType<AskLead>(query).About;
                var leadText = reply!.Text;
                if (argument.StartsWith("measure ", StringComparison.Ordinal))
                {
                    var ledMeasure = Assert.IsType<ShowMeasure>(asked).Measure;
                    Assert.Equal(int.Parse(argument["measure ".Length..]), ledMeasure.Number);
                    Assert.Contains(ledMeasure.Lead is { } lead
                        ? language.Pick($"第 {ledMeasure.Number} 项措施由{lead.Name}牵头", $"Measure {ledMeasure.Number} is led by {lead.Name}")
                        : language.Pick($"没有为第 {ledMeasure.Number} 项措施指定牵头单位", $"names no lead unit for measure {ledMeasure.Number}"), leadText, StringComparison.Ordinal);
                }
                else
                {
                    var unit = Assert.IsType<ListUnit>(asked).Unit;
                    Assert.Equal(argument["unit ".Length..], unit.Name);
                    var ledNumbers = TestRegistry.Registry.Measures.Where(m => m.Lead == unit).Select(m => m.Number).ToArray();
                    Assert.Contains(ledNumbers.Length == 0
                        ? language.Pick($"没有指定{unit.Name}牵头任何措施", "does not name")
                        : language.Pick($"{unit.Name}牵头第 {ledNumbers.Single()} 项措施", $"leads measure {ledNumbers.Single()}"), leadText, StringComparison.Ordinal);
                }
                // An answer that names no lead says where the plan does name one (measure 20, 知识产权保护科).
                if (asked is not ShowMeasure { Measure.Lead: not null })
                {
                    Assert.Contains(language.Pick("第 20 项（知识产权保护科牵头）", "measure 20, led by 知识产权保护科"), leadText, StringComparison.Ordinal);
                }
                break;
            case "measures":
                Assert.Equal(numbers, Assert.IsType<ShowMeasures>(query).Measures.Select(m => m.Number));
                AssertListed(numbers, reply!.Text, ordered: true);
                foreach (var m in query.Measures)
                {
                    Assert.All(QuestionTable.Owners[m.Number], o => Assert.Contains(o, reply.Text, StringComparison.Ordinal));
                }
                break;
            case "all":
                Assert.IsType<ListAll>(query);
                AssertListed(Enumerable.Range(1, 20).ToArray(), reply!.Text, ordered: true);
                break;
            case "out":
                Assert.Equal(int.Parse(argument), Assert.IsType<NumberOutOfRange>(query).Number);
                Assert.Contains(language.Pick("共有 20 项措施", "has 20 measures"), reply!.Text, StringComparison.Ordinal);
                Assert.Contains(MeasureVerbsList, CardJson.Text(reply.Cards.Single().Content), StringComparison.Ordinal);
                break;
            case "part":
                var part = Assert.IsType<PartOutOfRange>(query);
                Assert.Equal(argument.StartsWith("section", StringComparison.Ordinal), part.IsSection);
                Assert.Equal(argument.Split(' ')[1], part.Number);
                Assert.NotNull(reply);
                break;
            case "clarify":
                var choices = Assert.IsType<Clarify>(query).Choices.Select(Describe);
                Assert.Equal(argument.Split(" | "), choices);
                Assert.Equal(argument.Split(" | ").Length, reply!.Cards.Single().Content["actions"]!.AsArray().Count);
                break;
            case "unknown":
                var unknown = Assert.IsType<UnknownUnit>(query);
                Assert.Equal(argument[..argument.IndexOf(':')], unknown.Name);
                Assert.Equal(argument[(argument.IndexOf(':') + 1)..].Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), unknown.Closest.Select(u => u.Name));
                Assert.Contains(language.Pick($"分工方案的工作分工中没有“{unknown.Name}”", $"does not name “{unknown.Name}”"), reply!.Text, StringComparison.Ordinal);
                break;
            case "none":
                Assert.IsType<NotUnderstood>(query);
                Assert.Null(reply);
                break;
            default:
                Assert.Fail($"unknown expectation {expectation}");
                break;
        }
        if (reply is not null)
        {
            Assert.Equal(language == Language.English, reply.Cards.Single().Content["lang"]!.GetValue<string>() == "en");
        }
    }

    [Fact]
    public void The_table_has_at_least_120_questions_and_asks_about_every_measure_in_both_languages()
    {
        var rows = QuestionTable.Parse().ToArray();
        Assert.True(rows.Length >= 120, $"{rows.Length} rows");
        Assert.Equal(rows.Length, rows.Select(r => r.Question).Distinct().Count());
        foreach (var number in Enumerable.Range(1, 20))
        {
            var asked = rows.Where(r => r.Expectation == $"measure {number}").Select(r => LanguageDetector.Detect(r.Question, "zh-CN")).ToHashSet();
            Assert.True(asked.SetEquals([Language.Chinese, Language.English]), $"measure {number} asked in {string.Join(",", asked)}");
        }
        foreach (var kind in new[] { "item", "unit", "keyword", "section", "all", "out", "part", "clarify", "unknown", "none" })
        {
            Assert.Contains(rows, r => r.Expectation.StartsWith(kind, StringComparison.Ordinal));
        }
        foreach (var unit in Registry.Units.Where(u => u.Kind != UnitKind.CountyBureau))
        {
            Assert.Contains(rows, r => r.Expectation.StartsWith($"unit {unit.Name}:", StringComparison.Ordinal));
        }
    }

    private const string MeasureVerbsList = "\"verb\":\"measure.list\"";

    private static string Describe(Choice choice) => choice switch
    {
        MeasureChoice m => $"measure {m.Measure.Number}",
        ItemChoice i => $"item {i.Item.Number}",
        SectionChoice s => $"section {s.Section.Number}",
        UnitChoice u => $"unit {u.Unit.Name}",
        _ => choice.ToString()!,
    };

    private static void AssertListed(int[] numbers, string text, bool ordered)
    {
        var listed = RowRegex().Matches(text).Select(m => int.Parse(m.Groups[1].Value)).ToArray();
        if (ordered)
        {
            Assert.Equal(numbers, listed);
        }
        else
        {
            Assert.Equal(numbers.Order(), listed.Order());
        }
    }

    private static (string Kind, string Argument, int[] Numbers) Split(string expectation)
    {
        var space = expectation.IndexOf(' ');
        var kind = (space < 0 ? expectation : expectation[..space]).TrimEnd(':');
        var rest = space < 0 ? "" : expectation[(space + 1)..];
        if (kind is "clarify" or "part" or "out" or "measure" or "lead" or "unknown")
        {
            return (kind, rest, []);
        }
        var colon = rest.IndexOf(':');
        var argument = colon < 0 ? rest : rest[..colon];
        var numbers = (colon < 0 ? rest : rest[(colon + 1)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        return (kind, argument.Trim(), kind == "keyword" ? numbers : numbers);
    }

    [GeneratedRegex(@"^- \*\*(\d+)\.\*\*", RegexOptions.Multiline)]
    private static partial Regex RowRegex();
}
