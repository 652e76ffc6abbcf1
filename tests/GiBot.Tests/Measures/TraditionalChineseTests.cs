using GiBot.Measures.Questions;

namespace GiBot.Tests.Measures;

/// <summary>Traditional characters read as the simplified ones the plan is written in, and simplified text is left alone.</summary>
public sealed class TraditionalChineseTests
{
    /// <summary>
    /// The plan's texts, titles and unit names in traditional characters, each with its simplified original. Made with
    /// OpenCC (opencc -c s2tw.json, then s2hk.json), independently of the table under test, so a character the table
    /// misses fails here; regenerate the file when the plan's wording changes.
    /// </summary>
    private static readonly (string Traditional, string Simplified)[] Plan = File
        .ReadAllLines(Cards.RepositoryFiles.Path("tests", "GiBot.Tests", "Measures", "TraditionalPlan.tsv"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Select(parts => (parts[0].Replace("\\n", "\n", StringComparison.Ordinal), parts[1].Replace("\\n", "\n", StringComparison.Ordinal)))
        .ToArray();

    [Fact]
    public void The_whole_plan_written_in_traditional_characters_reads_back_as_the_plan()
    {
        Assert.All(Plan, row => Assert.Equal(row.Simplified, TraditionalChinese.ToSimplified(row.Traditional)));
    }

    [Fact]
    public void The_traditional_plan_file_covers_every_text_title_and_unit_name_of_the_registry()
    {
        var registry = TestRegistry.Registry;
        var covered = Plan.Select(row => row.Simplified).ToHashSet(StringComparer.Ordinal);
        var expected = registry.Measures.Select(m => m.Text)
            .Concat(registry.Items.Select(i => i.Title)).Concat(registry.Sections.Select(s => s.Title))
            .Concat(registry.Units.Append(registry.CountyBureausGroup).SelectMany(u => u.Aliases.Prepend(u.Name)))
            .Where(t => t.Any(QuestionText.IsCjk));
        Assert.All(expected, text => Assert.Contains(text, covered));
        // It is really written in traditional characters: every measure's text differs from the plan's.
        Assert.All(registry.Measures, m => Assert.Contains(Plan, row => row.Simplified == m.Text && row.Traditional != m.Text));
    }

    [Fact]
    public void Simplified_and_ascii_text_is_returned_as_the_same_instance()
    {
        foreach (var text in TestRegistry.Registry.Measures.Select(m => m.Text).Concat(["第八项措施谁负责", "who is responsible for measure 8", ""]))
        {
            Assert.Same(text, TraditionalChinese.ToSimplified(text));
        }
    }

    [Fact]
    public void No_character_of_the_table_is_a_character_of_the_plan_so_no_simplified_text_changes()
    {
        var registry = TestRegistry.Registry;
        var planCharacters = string.Concat(registry.Measures.Select(m => m.Text)
            .Concat(registry.Units.SelectMany(u => u.Aliases.Prepend(u.Name))).Append(registry.PlanTitle)).ToHashSet();
        Assert.All(TraditionalChinese.Pairs, pair =>
        {
            Assert.NotEqual(pair.Traditional, pair.Simplified);
            Assert.DoesNotContain(pair.Traditional, planCharacters);
        });
        Assert.Equal(TraditionalChinese.Pairs.Count(), TraditionalChinese.Pairs.Select(p => p.Traditional).Distinct().Count());
    }

    [Theory]
    [InlineData("第八項措施誰負責", "第八项措施谁负责")]
    [InlineData("知識產權保護科負責哪些", "知识产权保护科负责哪些")]
    [InlineData("地理標誌", "地理标志")]
    [InlineData("這20項措施分別由誰負責？", "这20项措施分别由谁负责？")]
    [InlineData("第8項和第9項", "第8项和第9项")]
    [InlineData("measure 8 由誰負責", "measure 8 由谁负责")]
    public void Question_words_are_simplified(string traditional, string simplified) =>
        Assert.Equal(simplified, TraditionalChinese.ToSimplified(traditional));

    [Fact]
    public void Normalized_questions_are_simplified_after_full_width_forms_are_folded()
    {
        Assert.Equal("第10项措施谁负责", QuestionText.Normalize("第１０項措施誰負責"));
        // A CJK compatibility ideograph (U+F9B5, 例) is folded by NFKC before the table is read.
        Assert.Equal("案例", QuestionText.Normalize("案\uF9B5"));
    }
}
