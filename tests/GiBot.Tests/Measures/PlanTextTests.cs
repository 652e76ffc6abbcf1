using GiBot.Measures.Registry;
using GiBot.Tests.Cards;

namespace GiBot.Tests.Measures;

/// <summary>The registry against the plan copy in docs/plan: same texts, same units, same order.</summary>
public sealed class PlanTextTests
{
    private const string CountyPhrase = "各县（市）、区市场监督管理局、城乡一体化示范区分局按职责分工负责";
    private static readonly string Plan = File.ReadAllText(RepositoryFiles.Path("docs", "plan", "分工方案.txt"));
    private static readonly MeasureRegistry Registry = TestRegistry.Registry;

    public static TheoryData<int> Numbers() => [.. Enumerable.Range(1, MeasureRegistry.MeasureCount)];

    [Fact]
    public void The_plan_copy_is_byte_identical_to_the_seed()
    {
        var seed = RepositoryFiles.Shared("seeds", "000_1e57161e2d9ddfeb.txt");
        Assert.SkipWhen(seed is null, "The shared seed is not beside this repository.");
        Assert.Equal(File.ReadAllBytes(seed!), File.ReadAllBytes(RepositoryFiles.Path("docs", "plan", "分工方案.txt")));
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void The_text_appears_verbatim_once_in_the_plan(int number)
    {
        var text = Registry.Find(number)!.Text;
        var at = Plan.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"measure {number} text not found verbatim");
        Assert.Equal(-1, Plan.IndexOf(text, at + 1, StringComparison.Ordinal));
    }

    [Fact]
    public void Measure_7_keeps_the_line_break_of_the_plan()
    {
        Assert.Contains("专业技术服务。\n鼓励第三方检测机构", Registry.Find(7)!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_measures_follow_the_plan_order_sections_and_items()
    {
        var positions = Registry.Measures.Select(m => Plan.IndexOf(m.Text, StringComparison.Ordinal)).ToArray();
        Assert.Equal(positions.Order(), positions);
        foreach (var measure in Registry.Measures)
        {
            var before = Plan[..Plan.IndexOf(measure.Text, StringComparison.Ordinal)];
            // The nearest item and section headings above a measure's text are its own.
            var item = Registry.Items.MaxBy(i => before.LastIndexOf($"（{i.Number}）{i.Title}", StringComparison.Ordinal))!;
            var section = Registry.Sections.MaxBy(s => before.LastIndexOf($"{s.Number}、{s.Title}", StringComparison.Ordinal))!;
            Assert.Equal(item, measure.Item);
            Assert.Equal(section, measure.Section);
        }
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Every_unit_and_only_those_appear_in_the_row(int number)
    {
        var measure = Registry.Find(number)!;
        var line = ResponsibilityLine(measure);
        foreach (var unit in Registry.Units.Where(u => u.Kind != UnitKind.CountyBureau))
        {
            Assert.True(line.Contains(unit.Name, StringComparison.Ordinal) == measure.Units.Contains(unit),
                $"measure {number}: {unit.Name} in row = {line.Contains(unit.Name, StringComparison.Ordinal)}, in registry = {measure.Units.Contains(unit)}\n{line}");
        }
        Assert.Equal(line.Contains(CountyPhrase, StringComparison.Ordinal), measure.SharedWithCountyBureaus);
        Assert.Equal(line.Contains("牵头", StringComparison.Ordinal), measure.Lead is not null);
        if (measure.Lead is not null)
        {
            Assert.Contains(measure.Lead.Name + "牵头", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Measure_8_belongs_to_three_sections_and_the_county_bureaus()
    {
        var measure = Registry.Find(8)!;
        Assert.Equal(["执法稽查科", "反不正当竞争科", "知识产权保护科"], measure.Units.Select(u => u.Name));
        Assert.True(measure.SharedWithCountyBureaus);
        Assert.Equal(4, measure.Owners.Count);
        Assert.Equal(["八"], Registry.Measures.Where(m => m.Number is 8 or 9 or 10).Select(m => m.Item.Number).Distinct());
    }

    [Fact]
    public void The_county_bureaus_come_from_configuration_with_Jiaozuos_eleven_bureaus()
    {
        Assert.Equal(11, Registry.CountyBureaus.Count);
        foreach (var place in new[] { "修武县", "博爱县", "武陟县", "温县", "沁阳市", "孟州市", "解放区", "中站区", "马村区", "山阳区", "城乡一体化示范区分局" })
        {
            Assert.Contains(Registry.CountyBureaus, b => b.Name.StartsWith(place, StringComparison.Ordinal) && b.NameEn.Length > 0);
        }
    }

    // The first line after the text naming who is responsible.
    private static string ResponsibilityLine(Measure measure)
    {
        var start = Plan.IndexOf(measure.Text, StringComparison.Ordinal) + measure.Text.Length;
        var end = Plan.IndexOf("按职责分工负责", start, StringComparison.Ordinal);
        var lineStart = Plan.LastIndexOf('\n', end) + 1;
        Assert.True(lineStart >= start, $"measure {measure.Number}: no responsibility line right after the text");
        return Plan[lineStart..Plan.IndexOf('\n', end)];
    }
}
