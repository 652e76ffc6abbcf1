namespace GiBot.Measures.Questions;

/// <summary>
/// Recognizes a phrase shaped like the name of a unit (食品科, 质量管理科, 知识产权处, 执法大队) once the question
/// words are gone, so a unit the plan does not name is answered as such rather than searched for as words.
/// </summary>
public static class UnitLikeNames
{
    // Longest first, so 办公室 is the suffix of 人事办公室 rather than nothing.
    private static readonly string[] Suffixes = ["办公室", "中心", "科", "局", "处", "队"];

    /// <summary>The first phrase ending in a unit's suffix with at least two characters before it (好处 and 格局 are words), or null.</summary>
    public static string? Find(IReadOnlyList<string> chinesePhrases)
    {
        foreach (var phrase in chinesePhrases)
        {
            if (SuffixOf(phrase) is { } suffix && phrase.Length - suffix.Length >= 2)
            {
                return phrase;
            }
        }
        return null;
    }

    /// <summary>The unit suffix the name ends in (科, 中心…), or null.</summary>
    public static string? SuffixOf(string name)
    {
        foreach (var suffix in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return suffix;
            }
        }
        return null;
    }
}
