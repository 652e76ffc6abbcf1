using System.Text;
using System.Text.Json.Nodes;
using GiBot.Measures.Registry;

namespace GiBot.Tests.Measures;

/// <summary>A broken registry file stops the bot at load rather than giving wrong answers.</summary>
public sealed class RegistryLoadTests
{
    private static JsonObject Data()
    {
        using var stream = typeof(MeasureRegistry).Assembly.GetManifestResourceStream("resources/measures/measures.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static MeasureRegistry Load(JsonObject data) =>
        MeasureRegistry.Load(new MemoryStream(Encoding.UTF8.GetBytes(data.ToJsonString())), []);

    [Fact]
    public void The_embedded_file_loads_with_20_measures_5_sections_and_11_items()
    {
        var registry = Load(Data());
        Assert.Equal(20, registry.Measures.Count);
        Assert.Equal(["二", "三", "四", "五", "六"], registry.Sections.Select(s => s.Number));
        Assert.Equal(["三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"], registry.Items.Select(i => i.Number));
        Assert.All(registry.Units, u => Assert.False(string.IsNullOrWhiteSpace(u.NameEn)));
    }

    [Fact]
    public void An_unknown_unit_is_refused()
    {
        var data = Data();
        data["measures"]![0]!["units"]!.AsArray().Add("不存在科");
        Assert.Contains("不存在科", Assert.Throws<InvalidOperationException>(() => Load(data)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_that_does_not_match_the_item_is_refused()
    {
        var data = Data();
        data["measures"]![7]!["section"] = "二";
        Assert.Contains("measure 8", Assert.Throws<InvalidOperationException>(() => Load(data)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_measure_is_refused()
    {
        var data = Data();
        data["measures"]!.AsArray().RemoveAt(19);
        Assert.Throws<InvalidOperationException>(() => Load(data));
    }
}
