using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Measures.Cards;

namespace GiBot.Conversation;

/// <summary>The welcome and help texts: what GiBot is for and what to ask it.</summary>
public static class HelpText
{
    public static string Welcome(Language language) => Hello(language) + "\n\n" + Body(language);

    public static string Help(Language language) => Body(language);

    public static string Hello(Language language) => language.Pick(
        "您好！我是 GiBot，焦作市市场监督管理局地理标志保护分工方案助手。",
        "Hello! I am GiBot, the assistant for the Jiaozuo Municipal Market Supervision Administration's division-of-labour plan for geographical-indication protection.");

    public static string NotUnderstood(Language language) => language.Pick(
        "抱歉，我没有理解您的问题。",
        "Sorry, I did not understand that.");

    public static string YouAreWelcome(Language language) => language.Pick(
        "不客气！还有问题随时问我，发送“帮助”可查看我能做什么。",
        "You're welcome! Ask me anything about the plan at any time; send \"help\" to see what I can do.");

    public static string Acknowledged(Language language) => language.Pick(
        "好的。如需帮助，请发送“帮助”。",
        "OK. Send \"help\" any time.");

    public static string Goodbye(Language language) => language.Pick(
        "再见！需要时随时找我。",
        "Goodbye! I am here whenever you need me.");

    /// <summary>The help as a card (cards/help.json): the same examples, and a button for the list of measures.</summary>
    /// <param name="opening">A line before the examples, e.g. an apology for a question not understood.</param>
    public static AdaptiveCard HelpCard(Language language, string? opening = null) => new(CardTemplate.Get("help").FillObject(new CardValues()
        .Set("lang", MeasureCards.LangCode(language))
        .Set("heading", language.Pick("GiBot 使用帮助", "How to use GiBot"))
        .Set("intro", (opening is null ? "" : opening + "\n\n") + language.Pick("您可以这样问我：", "You can ask me, for example:"))
        .Set("examples", Examples(language).Select(e => (JsonNode)CardTemplate.Get("help-example").FillObject(new CardValues().Set("text", "• " + e))))
        .Set("footer", language.Pick("发送“帮助”可随时查看本说明。", "Send \"help\" at any time to see this again."))
        .Set("actions", [(JsonNode)CardTemplate.Get("measure-action").FillObject(new CardValues()
            .Set("title", MeasureLabels.ListAllButton(language))
            .Set("data", MeasureVerbs.ListData(language)))])));

    private static string[] Examples(Language language) => language == Language.English
        ? ["who is responsible for measure 8", "what does the Enforcement and Inspection Section own", "which measures mention double random", "part 4", "list all measures", "update", "my measures", "history 8", "I am the liaison of the Personnel Section"]
        : ["第八项措施谁负责", "执法稽查科负责哪些措施", "双随机", "（八）", "第四部分有哪些措施", "列出全部措施", "汇报进展", "我的措施", "第8项进展", "我是执法稽查科的联络员"];

    private static string Body(Language language) =>
        language.Pick("您可以这样问我：\n\n", "You can ask me, for example:\n\n")
        + string.Concat(Examples(language).Select(e => $"- {e}\n"))
        + language.Pick("\n发送“帮助”可随时查看本说明。", "\nSend \"help\" at any time to see this again.");
}
