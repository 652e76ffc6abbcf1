namespace GiBot.Localization;

/// <summary>The two languages GiBot speaks. Chinese is the default for every message and card.</summary>
public enum Language
{
    Chinese,
    English,
}

public static class LanguageExtensions
{
    public static string Tag(this Language language) => language == Language.English ? "en-US" : "zh-CN";

    /// <summary>Picks zh or en text for the language.</summary>
    public static string Pick(this Language language, string chinese, string english) =>
        language == Language.English ? english : chinese;

    /// <summary>The text with its first letter upper-cased, for an English phrase that starts a sentence.</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static Language ParseTag(string? tag) =>
        tag is not null && tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Chinese;
}
