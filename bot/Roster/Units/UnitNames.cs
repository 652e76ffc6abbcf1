using GiBot.Measures.Registry;

namespace GiBot.Roster.Units;

/// <summary>A unit's English name as a sentence uses it: "the liaison of the Personnel Section".</summary>
public static class UnitNames
{
    /// <summary>"the Personnel Section"; a name configured only in Chinese gets no article.</summary>
    public static string TheEnglish(Unit unit) =>
        unit.NameEn.Length > 0 && char.IsAsciiLetter(unit.NameEn[0]) ? "the " + unit.NameEn : unit.NameEn;
}
