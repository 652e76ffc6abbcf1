namespace GiBot.Measures.Questions;

/// <summary>
/// Separates the words that carry a question's subject from the words that only make it a question
/// ("谁负责", "有哪些", "who is responsible for"). What is left is searched for in the measure texts.
/// </summary>
public static class QuestionWords
{
    // Longest first; replaced by a separator, so 行政执法与刑事司法衔接 yields two search phrases.
    private static readonly string[] ChineseFiller = new[]
    {
        "由哪个科室负责", "由哪个单位负责", "由哪些科室负责", "由哪些单位负责", "哪个科室负责", "哪个单位负责", "哪些科室负责", "哪些单位负责",
        "由谁负责", "由谁牵头", "谁来负责", "谁负责", "谁牵头", "谁承担", "负责哪些", "负责什么", "分工方案", "我想知道", "告诉我",
        "有哪些", "是哪些", "是什么", "有什么", "哪一些", "一共", "都有", "哪些", "什么", "哪个", "哪项", "负责", "牵头", "承担", "分工",
        "措施", "举措", "具体", "内容", "相关", "有关", "关于", "涉及", "提到", "包含", "包括", "查询", "查找", "搜索", "查一下", "查看",
        "看看", "请问", "想知道", "一下", "列出", "列举", "显示", "全部", "所有", "全体", "清单", "列表", "一览", "目录", "科室", "单位",
        "条目", "给我", "部分", "的", "是", "吗", "呢", "啊", "吧", "了", "请", "和", "与", "及", "或", "都", "谁", "哪", "项", "条",
    }.OrderByDescending(w => w.Length).ToArray();

    /// <summary>Words that make a question about the list as a whole when nothing else is asked.</summary>
    private static readonly string[] ListWords = ["措施", "举措", "清单", "全部", "所有", "列表", "目录", "一览", "分工方案", "部分"];

    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.Ordinal)
    {
        "who", "whom", "whose", "what", "which", "where", "when", "how", "why", "is", "are", "was", "were", "be", "been",
        "the", "a", "an", "for", "of", "to", "in", "on", "at", "by", "about", "with", "from", "into", "as",
        "measure", "measures", "owner", "owners", "own", "owns", "owned", "owning", "responsible", "responsibility",
        "responsibilities", "charge", "does", "do", "did", "show", "me", "tell", "find", "search", "list", "all",
        "please", "and", "or", "that", "this", "these", "those", "related", "relating", "relate", "mention", "mentions",
        "mentioning", "mentioned", "contain", "contains", "containing", "plan", "i", "want", "know", "see", "give", "get",
        "can", "you", "could", "would", "there", "any", "every", "section", "sections", "unit", "units", "lead", "leads",
        "deal", "deals", "handle", "handles", "handling", "help", "hi", "hello", "hey", "thanks", "thank", "it", "its",
        "s", "have", "has", "which's", "whats", "whos", "they", "them", "we", "us", "gi", "gis",
    };

    /// <summary>Chinese phrases (runs of two or more CJK characters) left after removing question words.</summary>
    public static IReadOnlyList<string> ChinesePhrases(string normalizedText) => ChinesePhrases(normalizedText, out _);

    /// <param name="strayCharacters">True when single CJK characters remain (我的措施 leaves 我): the text asks something, but not a searchable word.</param>
    public static IReadOnlyList<string> ChinesePhrases(string normalizedText, out bool strayCharacters)
    {
        strayCharacters = false;
        var text = normalizedText;
        foreach (var word in ChineseFiller)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                text = text.Replace(word, " ", StringComparison.Ordinal);
            }
        }
        var phrases = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var cjk = i < text.Length && QuestionText.IsCjk(text[i]);
            if (cjk && start < 0)
            {
                start = i;
            }
            else if (!cjk && start >= 0)
            {
                if (i - start >= 2)
                {
                    phrases.Add(text[start..i]);
                }
                else
                {
                    strayCharacters = true;
                }
                start = -1;
            }
        }
        return phrases;
    }

    /// <summary>English words left after removing question words, in order.</summary>
    public static IReadOnlyList<string> EnglishWords(string normalizedText)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= normalizedText.Length; i++)
        {
            var letter = i < normalizedText.Length && (char.IsAsciiLetterLower(normalizedText[i]) || normalizedText[i] == '\'');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = normalizedText[start..i].Trim('\'');
                if (word.Length > 0 && !EnglishStopWords.Contains(word))
                {
                    words.Add(word);
                }
                start = -1;
            }
        }
        return words;
    }

    /// <summary>True when the text is only about the list of measures ("列出全部措施", "list all measures").</summary>
    public static bool AsksForList(string normalizedText, IReadOnlyList<string> chinesePhrases, IReadOnlyList<string> englishWords, bool hasCjkLeftover)
    {
        if (chinesePhrases.Count > 0 || englishWords.Count > 0 || hasCjkLeftover)
        {
            return false;
        }
        return ListWords.Any(w => normalizedText.Contains(w, StringComparison.Ordinal))
            || normalizedText.Contains("measures", StringComparison.Ordinal)
            || normalizedText.StartsWith("list", StringComparison.Ordinal);
    }
}
