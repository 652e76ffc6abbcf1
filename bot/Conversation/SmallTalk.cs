namespace GiBot.Conversation;

/// <summary>What a message no feature understood is, so the help can answer it like a person would.</summary>
public enum SmallTalkKind
{
    Help,
    Greeting,
    Thanks,
    Farewell,
    Acknowledgement,
    NotUnderstood,
}

/// <summary>
/// Recognises greetings, thanks, goodbyes and acknowledgements (收到, ok, 👍) said on their own; everything else is a request
/// for help or not understood.
/// </summary>
public static class SmallTalk
{
    private static readonly string[] HelpWords = ["帮助", "help", "?", "？", "怎么用", "使用说明", "你能做什么", "你会什么", "what can you do", "menu", "菜单"];

    private static readonly string[] Greetings = ["你好", "您好", "早上好", "上午好", "中午好", "下午好", "晚上好", "嗨", "哈喽", "hi", "hello", "hey", "good morning", "good afternoon", "good evening"];

    private static readonly string[] Thanks = ["谢谢", "谢谢你", "谢谢您", "多谢", "感谢", "非常感谢", "辛苦了", "好的谢谢", "thanks", "thank you", "thank you very much", "thx", "ok thanks"];

    private static readonly string[] Farewells = ["再见", "拜拜", "回头见", "bye", "goodbye", "see you"];

    // Not 已阅: that is the relay card's button, and a typed one answered "好的" would look as if the update were marked read.
    private static readonly string[] Acknowledgements =
        ["收到", "收到了", "好的", "好的收到", "好", "好滴", "明白", "明白了", "知道了", "了解", "嗯", "嗯嗯", "ok", "okay", "ok ok", "got it", "noted", "sure"];

    public static SmallTalkKind Classify(string text)
    {
        var core = Core(text);
        if (core.Length == 0 && IsApprovingEmoji(text))
        {
            return SmallTalkKind.Acknowledgement;
        }
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
        if (Farewells.Contains(core))
        {
            return SmallTalkKind.Farewell;
        }
        return Acknowledgements.Contains(core) ? SmallTalkKind.Acknowledgement : SmallTalkKind.NotUnderstood;
    }

    /// <summary>👍 or 👌 on its own, in any skin tone, perhaps with punctuation; other emoji ask for help.</summary>
    private static bool IsApprovingEmoji(string text)
    {
        var approving = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is 0x1F44D or 0x1F44C)
            {
                approving = true;
            }
            else if (rune.Value is not (>= 0x1F3FB and <= 0x1F3FF or 0xFE0F) && !System.Text.Rune.IsWhiteSpace(rune) && !System.Text.Rune.IsPunctuation(rune))
            {
                return false;
            }
        }
        return approving;
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
