namespace GiBot.Conversation;

/// <summary>What a message no feature understood is, so the help can answer it like a person would.</summary>
public enum SmallTalkKind
{
    Help,
    Greeting,
    Thanks,
    Farewell,
    NotUnderstood,
}

/// <summary>Recognises greetings, thanks and goodbyes said on their own; everything else is a request for help or not understood.</summary>
public static class SmallTalk
{
    private static readonly string[] HelpWords = ["帮助", "help", "?", "？", "怎么用", "使用说明", "你能做什么", "你会什么", "what can you do", "menu", "菜单"];

    private static readonly string[] Greetings = ["你好", "您好", "早上好", "上午好", "中午好", "下午好", "晚上好", "嗨", "哈喽", "hi", "hello", "hey", "good morning", "good afternoon", "good evening"];

    private static readonly string[] Thanks = ["谢谢", "谢谢你", "谢谢您", "多谢", "感谢", "非常感谢", "辛苦了", "好的谢谢", "thanks", "thank you", "thank you very much", "thx", "ok thanks"];

    private static readonly string[] Farewells = ["再见", "拜拜", "回头见", "bye", "goodbye", "see you"];

    public static SmallTalkKind Classify(string text)
    {
        var core = Core(text);
        if (core.Length == 0 || HelpWords.Contains(core))
        {
            return SmallTalkKind.Help;
        }
        if (Greetings.Contains(core) || Greetings.Any(g => core.StartsWith(g + " gibot", StringComparison.Ordinal) || core == g + "gibot"))
        {
            return SmallTalkKind.Greeting;
        }
        if (Thanks.Contains(core))
        {
            return SmallTalkKind.Thanks;
        }
        return Farewells.Contains(core) ? SmallTalkKind.Farewell : SmallTalkKind.NotUnderstood;
    }

    /// <summary>Lower case, without the punctuation, emoji and spaces people put around a short phrase.</summary>
    private static string Core(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed is "?" or "？")
        {
            return trimmed;
        }
        var kept = new System.Text.StringBuilder(trimmed.Length);
        foreach (var rune in trimmed.EnumerateRunes())
        {
            if (System.Text.Rune.IsLetterOrDigit(rune) || rune.Value == ' ')
            {
                kept.Append(rune.ToString());
            }
        }
        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
