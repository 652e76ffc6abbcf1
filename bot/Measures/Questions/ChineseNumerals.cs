namespace GiBot.Measures.Questions;

/// <summary>Reads and writes the small Chinese numerals the plan uses (一 to 二十, and a little beyond for out-of-range answers).</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public const string Characters = "零〇一二两三四五六七八九十";

    /// <summary>The value of 八, 十一, 二十, 二十一…; -1 when the text is not a numeral below 100.</summary>
    public static int Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return -1;
        }
        var ten = text.IndexOf('十');
        if (ten < 0)
        {
            var value = 0;
            foreach (var c in text)
            {
                var digit = DigitOf(c);
                if (digit < 0)
                {
                    return -1;
                }
                value = value * 10 + digit;
                if (value > 999)
                {
                    return -1;
                }
            }
            return value;
        }
        var tens = ten == 0 ? 1 : text[..ten].Length == 1 ? DigitOf(text[0]) : -1;
        var rest = text[(ten + 1)..];
        var units = rest.IsEmpty ? 0 : rest.Length == 1 ? DigitOf(rest[0]) : -1;
        return tens < 1 || units < 0 ? -1 : tens * 10 + units;
    }

    /// <summary>1 → 一, 13 → 十三, 20 → 二十.</summary>
    public static string Format(int value) => value switch
    {
        < 0 or > 99 => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        < 10 => Digits[value].ToString(),
        10 => "十",
        < 20 => "十" + Digits[value % 10],
        _ => Digits[value / 10] + "十" + (value % 10 == 0 ? "" : Digits[value % 10].ToString()),
    };

    public static bool IsNumeral(char c) => Characters.Contains(c);

    private static int DigitOf(char c) => c switch
    {
        '〇' => 0,
        '两' => 2,
        _ => Digits.IndexOf(c),
    };
}
