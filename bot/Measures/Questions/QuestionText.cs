using System.Text;

namespace GiBot.Measures.Questions;

/// <summary>
/// Brings user text and plan text to one form before matching: NFKC folds full-width digits and
/// letters, full-width brackets and circled numbers (① → 1, ⑳ → 20); traditional characters become simplified
/// (<see cref="TraditionalChinese"/>); then lower case.
/// </summary>
public static class QuestionText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        if (text.AsSpan().IndexOfAnyInRange('\u2460', '\u2473') >= 0)
        {
            text = SeparateCircledNumbers(text);
        }
        // ASCII is its own NFKC form and has no traditional characters: skip both for it.
        if (!System.Text.Ascii.IsValid(text))
        {
            text = TraditionalChinese.ToSimplified(text.Normalize(NormalizationForm.FormKC));
        }
        return text.ToLowerInvariant().Trim();
    }

    // NFKC turns ①② into "12"; keep them apart so they stay two numbers.
    private static string SeparateCircledNumbers(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is >= '\u2460' and <= '\u2473')
            {
                result.Append(' ').Append(c - '\u2460' + 1).Append(' ');
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    public static bool IsLatinLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
