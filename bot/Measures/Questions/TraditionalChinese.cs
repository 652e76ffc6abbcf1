using System.Buffers;

namespace GiBot.Measures.Questions;

/// <summary>
/// Reads traditional characters as the simplified ones the plan is written in (第八項措施誰負責 → 第八项措施谁负责,
/// 地理標誌 → 地理标志), so a question typed on a traditional keyboard, or pasted from a Taiwan or Hong Kong document,
/// matches the plan as if it had been typed in simplified characters.
/// </summary>
/// <remarks>
/// No package the project can install converts Chinese scripts, and a general converter is not needed: matching
/// compares against the plan's own words, so a character the plan and the question words never use cannot
/// match whatever it is converted to. The table holds the traditional forms (standard, Taiwan and Hong Kong) of
/// every character of the plan's text, titles, unit names and aliases, the county bureaus and the question words;
/// it was derived with OpenCC 1.1.6 (s2t, s2tw and s2hk, each pair checked back with t2s). A traditional form that
/// is itself a character of that vocabulary (著 in 显著) is left out, so no simplified text changes.
/// TraditionalChineseTests checks the whole plan, written in traditional characters, reads back exactly.
/// </remarks>
public static class TraditionalChinese
{
    private const string Traditional = "並來個們偽傳僞億優內兩別則創劃動務勵區協厲問單嗎嚴國圍團執報場學實將專對導屬幫幾強後從愛應懷戰採揚揮撐擊擔據數於時暢會條業極構標機檢權沒況測準溫為無營爭爲牽獎獲獻現產異當發盡監確礎種積競範納級細組結絞絡給統經維網線編縣總織續罰聯職臺與舉華萬蒐藝藥處號術裝製覈見規覽訂計討訓設訴註詢該誌認說説誰調請論謝證識譯護變讓負財貢責費資質車輕輿辦農這進過違選還鄉銜銷錄鏈門開關陽隊際隨雙項領頭題類顯風饋馬驗體麼點";
    private const string Simplified = "并来个们伪传伪亿优内两别则创划动务励区协厉问单吗严国围团执报场学实将专对导属帮几强后从爱应怀战采扬挥撑击担据数于时畅会条业极构标机检权没况测准温为无营争为牵奖获献现产异当发尽监确础种积竞范纳级细组结绞络给统经维网线编县总织续罚联职台与举华万搜艺药处号术装制核见规览订计讨训设诉注询该志认说说谁调请论谢证识译护变让负财贡责费资质车轻舆办农这进过违选还乡衔销录链门开关阳队际随双项领头题类显风馈马验体么点";

    private static readonly SearchValues<char> TraditionalCharacters = SearchValues.Create(Traditional);

    /// <summary>The text with its traditional characters simplified; the same instance when it has none.</summary>
    public static string ToSimplified(string text)
    {
        var first = text.AsSpan().IndexOfAny(TraditionalCharacters);
        if (first < 0)
        {
            return text;
        }
        return string.Create(text.Length, (text, first), static (result, state) =>
        {
            state.text.AsSpan().CopyTo(result);
            for (var i = state.first; i < result.Length; i++)
            {
                var at = Traditional.IndexOf(result[i], StringComparison.Ordinal);
                if (at >= 0)
                {
                    result[i] = Simplified[at];
                }
            }
        });
    }

    /// <summary>Pairs of (traditional, simplified), for tests.</summary>
    internal static IEnumerable<(char Traditional, char Simplified)> Pairs => Traditional.Zip(Simplified);
}
