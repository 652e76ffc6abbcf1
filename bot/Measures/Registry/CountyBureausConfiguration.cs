namespace GiBot.Measures.Registry;

/// <summary>Reads Measures:CountyBureaus (an array of {Name, NameEn}) so administrators can correct the list.</summary>
public static class CountyBureausConfiguration
{
    public const string SectionName = "Measures:CountyBureaus";

    public static IReadOnlyList<CountyBureau> Read(IConfiguration configuration) =>
        configuration.GetSection(SectionName).GetChildren()
            .Select(c => new CountyBureau((c["Name"] ?? "").Trim(), (c["NameEn"] ?? "").Trim()))
            .Where(b => b.Name.Length > 0)
            .Select(b => b.NameEn.Length > 0 ? b : b with { NameEn = b.Name })
            .ToArray();
}
