using System.Text.Json.Nodes;
using GiBot.Localization;

namespace GiBot.Measures.Answers;

/// <summary>The card button verbs of the measures feature and the data each carries (always with <c>lang</c>).</summary>
public static class MeasureVerbs
{
    public const string Prefix = "measure.";
    public const string Show = "measure.show";
    public const string Item = "measure.item";
    public const string Section = "measure.section";
    public const string Unit = "measure.unit";
    public const string List = "measure.list";

    public static JsonObject ShowData(int number, Language language) => Data(Show, language, "number", JsonValue.Create(number));

    public static JsonObject ItemData(string item, Language language) => Data(Item, language, "item", JsonValue.Create(item));

    public static JsonObject SectionData(string section, Language language) => Data(Section, language, "section", JsonValue.Create(section));

    public static JsonObject UnitData(string unit, Language language) => Data(Unit, language, "unit", JsonValue.Create(unit));

    public static JsonObject ListData(Language language) => Data(List, language, null, null);

    private static JsonObject Data(string verb, Language language, string? key, JsonNode? value)
    {
        var data = new JsonObject { ["verb"] = verb, ["lang"] = language.Tag() };
        if (key is not null)
        {
            data[key] = value;
        }
        return data;
    }
}
