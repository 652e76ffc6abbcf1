namespace GiBot.Measures.Questions;

/// <summary>
/// Reads and writes Chinese numerals: 八, 十一, 二十, and for the numbers the plan does not have, 一百, 一百零一, 二千,
/// 一万, or digit by digit (二〇, 一〇〇).
/// </summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>Every character a numeral may have, for patterns that find numerals in a question.</summary>
    public const string Characters = "零〇一二两三四五六七八九十百千万";

    /// <summary>The value returned for a numeral too large for an int: no measure, but a number all the same.</summary>
    public const int TooLarge = int.MaxValue;

    /// <summary>The value of 八, 十一, 二十一, 一百零一, 二〇…; -1 when the text is not a numeral.</summary>
    public static int Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return -1;
        }
        return text.IndexOfAny("十百千万") < 0 ? DigitByDigit(text) : Positional(text);
    }

    /// <summary>1 → 一, 13 → 十三, 20 → 二十; 100 and above in Arabic digits, as answers write them.</summary>
    public static string Format(int value) => value switch
    {
        < 0 or > 99 => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        < 10 => Digits[value].ToString(),
        10 => "十",
        < 20 => "十" + Digits[value % 10],
        _ => Digits[value / 10] + "十" + (value % 10 == 0 ? "" : Digits[value % 10].ToString()),
    };

    public static bool IsNumeral(char c) => Characters.Contains(c);

    // 二〇, 一〇〇: each character a digit.
    private static int DigitByDigit(ReadOnlySpan<char> text)
    {
        long value = 0;
        foreach (var c in text)
        {
            var digit = DigitOf(c);
            if (digit < 0)
            {
                return -1;
            }
            value = Math.Min(value * 10 + digit, TooLarge);
        }
        return (int)value;
    }

    // 二十一, 一百零一, 三千二百, 一万零八: each digit multiplied by the unit after it, the units falling from left to
    // right within each side of 万. 零 and 〇 only hold a place (十〇 is 10). A unit with no digit before it counts once (十一, 百).
    private static int Positional(ReadOnlySpan<char> text)
    {
        long wan = 0;
        long group = 0;
        var digit = -1;
        var lastUnit = int.MaxValue;
        foreach (var c in text)
        {
            var d = DigitOf(c);
            if (d == 0)
            {
                continue;
            }
            if (d > 0)
            {
                if (digit >= 0)
                {
                    return -1;
                }
                digit = d;
                continue;
            }
            if (c == '万')
            {
                if (wan > 0)
                {
                    return -1;
                }
                wan = Math.Max(group + Math.Max(digit, 0), 1) * 10_000;
                (group, digit, lastUnit) = (0, -1, int.MaxValue);
                continue;
            }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0 || unit >= lastUnit)
            {
                return -1;
            }
            group += (digit < 0 ? 1 : digit) * unit;
            (digit, lastUnit) = (-1, unit);
        }
        return (int)Math.Min(wan + group + Math.Max(digit, 0), TooLarge);
    }

    private static int DigitOf(char c) => c switch
    {
        '〇' => 0,
        '两' => 2,
        _ => Digits.IndexOf(c),
    };
}
