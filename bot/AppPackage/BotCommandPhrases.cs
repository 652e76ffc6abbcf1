namespace GiBot.AppPackage;

/// <summary>
/// The commands GiBot answers, in one place, so the Teams command menu (manifest.json and its
/// localization files) offers only what the bot understands; a test checks every menu title against this list.
/// A feature that lands adds its phrases here, and its own tests prove it answers them.
/// </summary>
public static class BotCommandPhrases
{
    public static IReadOnlyList<BotCommandPhrase> All { get; } =
    [
        new("帮助", "help", "Conversation/HelpFeature"),
        new("第8项措施谁负责", "who owns measure 8", "measure registry (issue 3)"),
        new("列出全部措施", "list all measures", "measure registry (issue 3)"),
        new("汇报进展", "update", "progress updates (issue 6)"),
        new("我的措施", "my measures", "roster (issue 5)"),
        new("总览", "overview", "overview (issue 10)"),
    ];

    /// <summary>True when the text is one of the phrases, in either language (case and spacing ignored).</summary>
    public static bool IsUnderstood(string text) => Find(text) is not null;

    public static BotCommandPhrase? Find(string text)
    {
        var key = Normalize(text);
        return All.FirstOrDefault(p => Normalize(p.Chinese) == key || Normalize(p.English) == key);
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

/// <summary>One command: the Chinese and English phrasing the bot answers, and the feature that answers it.</summary>
public sealed record BotCommandPhrase(string Chinese, string English, string Feature);
