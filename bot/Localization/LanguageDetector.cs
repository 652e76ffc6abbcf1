namespace GiBot.Localization;

/// <summary>
/// Answers in English when the user writes English, otherwise in Chinese. Text decides first;
/// only text with neither CJK nor Latin letters (a bare number, an emoji) falls back to the client locale.
/// </summary>
public static class LanguageDetector
{
    public static Language Detect(string? text, string? locale = null) =>
        FromText(text) ?? LanguageExtensions.ParseTag(locale);

    /// <summary>What the words alone tell: any Chinese wins, else two Latin letters make English; null when neither.</summary>
    public static Language? FromText(string? text)
    {
        var latin = 0;
        foreach (var c in text ?? "")
        {
            if (IsCjk(c))
            {
                return Language.Chinese;
            }
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                latin++;
            }
        }
        return latin >= 2 ? Language.English : null;
    }

    /// <summary>Chinese script and punctuation; full-width digits are not a language of their own.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff'
            or >= '\u3000' and <= '\u303f' or >= '\u2460' and <= '\u2473'
            or (>= '\uff00' and <= '\uffef' and not (>= '\uff10' and <= '\uff19'));
}
