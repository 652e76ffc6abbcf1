using System.Text;

namespace GiBot.Measures.Questions;

/// <summary>
/// Brings user text and plan text to one form before matching: NFKC folds full-width digits and
/// letters, full-width brackets and circled numbers (① → 1, ⑳ → 20); then lower case.
/// </summary>
public static class QuestionText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        return text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Trim();
    }

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    public static bool IsLatinLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
