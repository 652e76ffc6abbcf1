using System.Text.Json.Serialization;

namespace GiBot.Measures.Registry;

/// <summary>The shape of resources/measures/measures.json.</summary>
internal sealed class RegistryData
{
    public string PlanTitle { get; set; } = "";
    public string PlanTitleEn { get; set; } = "";
    public string CountyBureausPhrase { get; set; } = "";
    public string CountyBureausName { get; set; } = "";
    public string CountyBureausNameEn { get; set; } = "";
    public List<SectionData> Sections { get; set; } = [];
    public List<ItemData> Items { get; set; } = [];
    public List<UnitData> Units { get; set; } = [];
    public List<MeasureData> Measures { get; set; } = [];
    public List<AmbiguousTermData> AmbiguousTerms { get; set; } = [];
}

internal sealed class SectionData
{
    public string Number { get; set; } = "";
    public int Order { get; set; }
    public string Title { get; set; } = "";
    public string TitleEn { get; set; } = "";
}

internal sealed class ItemData
{
    public string Number { get; set; } = "";
    public int Order { get; set; }
    public string Section { get; set; } = "";
    public string Title { get; set; } = "";
    public string TitleEn { get; set; } = "";
}

internal sealed class UnitData
{
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public bool Collective { get; set; }
    public List<string> Aliases { get; set; } = [];
}

internal sealed class MeasureData
{
    public int Number { get; set; }
    public string Section { get; set; } = "";
    public string Item { get; set; } = "";
    public string Text { get; set; } = "";
    public List<string> Units { get; set; } = [];
    public string? Lead { get; set; }
    public bool SharedWithCountyBureaus { get; set; }
    public string SummaryEn { get; set; } = "";
}

internal sealed class AmbiguousTermData
{
    public List<string> Terms { get; set; } = [];
    public List<string> Units { get; set; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(RegistryData))]
internal sealed partial class RegistryJson : JsonSerializerContext;
