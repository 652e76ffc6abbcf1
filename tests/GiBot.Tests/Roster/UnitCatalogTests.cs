using GiBot.Measures.Registry;
using GiBot.Roster.Units;

namespace GiBot.Tests.Roster;

public sealed class UnitCatalogTests
{
    private static readonly CountyBureau[] Bureaus =
    [
        new("温县市场监督管理局", "Wen County Market Supervision Administration"),
        new("城乡一体化示范区分局", "Urban-Rural Integration Demonstration Zone Branch"),
    ];

    private static readonly MeasureRegistry Registry = MeasureRegistry.Load(Bureaus);

    private static UnitCatalog Catalog(Dictionary<string, IReadOnlyList<string>>? groups = null) => new(Registry, groups ?? []);

    [Fact]
    public void Units_are_the_plans_sections_and_centres_and_each_county_bureau_without_the_collectives()
    {
        var names = Catalog().Units.Select(u => u.Name).ToArray();
        Assert.Contains("执法稽查科", names);
        Assert.Contains("知识产权维权保护中心", names);
        Assert.Contains("温县市场监督管理局", names);
        Assert.Contains("城乡一体化示范区分局", names);
        Assert.DoesNotContain("市局各有关科室", names);
        Assert.DoesNotContain("各直属单位", names);
        Assert.DoesNotContain(Registry.CountyBureausGroup.Name, names);
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Fact]
    public void Aliases_and_English_names_resolve_to_one_unit()
    {
        var catalog = Catalog();
        Assert.Equal("人事科", catalog.Resolve("Personnel Section")?.Name);
        Assert.Equal("执法稽查科", catalog.Resolve("稽查科")?.Name);
        Assert.Equal("城乡一体化示范区分局", catalog.Resolve("示范区")?.Name);
        Assert.Equal("温县市场监督管理局", catalog.Resolve("温县局")?.Name);
        Assert.Equal("温县市场监督管理局", catalog.Resolve("Wen County")?.Name);
        Assert.Equal("温县市场监督管理局", catalog.Resolve("wen county")?.Name);
        Assert.Null(catalog.Resolve("宣传科"));
        Assert.Null(catalog.Resolve("市局各有关科室"));
    }

    [Fact]
    public void A_section_owns_its_listed_measures_and_measure_20_through_its_group()
    {
        var catalog = Catalog();
        Assert.Equal([8, 9, 10, 20], catalog.MeasuresOwnedBy("执法稽查科").Select(m => m.Number));
        Assert.Equal([14, 20], catalog.MeasuresOwnedBy("知识产权维权保护中心").Select(m => m.Number));
        Assert.Equal(Registry.Measures.Where(m => m.SharedWithCountyBureaus).Select(m => m.Number), catalog.MeasuresOwnedBy("温县市场监督管理局").Select(m => m.Number));
        Assert.Empty(catalog.MeasuresOwnedBy("宣传科"));
    }

    [Fact]
    public void Configured_groups_replace_the_default_members()
    {
        var catalog = Catalog(new() { ["市局各有关科室"] = ["人事科"] });
        Assert.Equal(["人事科"], catalog.Groups["市局各有关科室"].Select(u => u.Name));
        Assert.Equal([8, 9, 10], catalog.MeasuresOwnedBy("执法稽查科").Select(m => m.Number));
        Assert.Contains(20, catalog.MeasuresOwnedBy("人事科").Select(m => m.Number));
        Assert.Equal(["知识产权维权保护中心"], catalog.Groups["各直属单位"].Select(u => u.Name));
    }

    [Fact]
    public void Responsible_units_expand_collectives_and_county_bureaus()
    {
        var units = Catalog().ResponsibleUnits(Registry.Find(20)!).Select(u => u.Name).ToArray();
        Assert.Contains("执法稽查科", units);
        Assert.Contains("知识产权维权保护中心", units);
        Assert.Contains("城乡一体化示范区分局", units);
        Assert.Equal(["反不正当竞争科", "执法稽查科", "知识产权保护科", "温县市场监督管理局", "城乡一体化示范区分局"],
            Catalog().ResponsibleUnits(Registry.Find(8)!).Select(u => u.Name).OrderBy(n => Array.IndexOf(["反不正当竞争科", "执法稽查科", "知识产权保护科", "温县市场监督管理局", "城乡一体化示范区分局"], n)));
    }

    [Fact]
    public void Unknown_groups_or_members_are_named_in_one_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Catalog(new() { ["各直属单位"] = ["宣传中心"], ["各科室"] = ["人事科"] }));
        Assert.Contains("宣传中心", e.Message, StringComparison.Ordinal);
        Assert.Contains("各科室", e.Message, StringComparison.Ordinal);
    }
}
