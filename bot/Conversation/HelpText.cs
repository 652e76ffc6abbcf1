using GiBot.Localization;

namespace GiBot.Conversation;

/// <summary>The welcome and help texts: what GiBot is for and what to ask it.</summary>
public static class HelpText
{
    public static string Welcome(Language language) => language.Pick(
        "您好！我是 GiBot，焦作市市场监督管理局地理标志保护分工方案助手。\n\n" + Body(language),
        "Hello! I am GiBot, the assistant for the Jiaozuo Municipal Market Supervision Administration's division-of-labour plan for geographical-indication protection.\n\n" + Body(language));

    public static string Help(Language language) => Body(language);

    private static string Body(Language language) => language.Pick(
        "您可以这样问我：\n\n"
        + "- 第八项措施谁负责\n"
        + "- 执法稽查科负责哪些措施\n"
        + "- 双随机\n"
        + "- 列出全部措施\n"
        + "- 汇报进展\n\n"
        + "发送“帮助”可随时查看本说明。",
        "You can ask me, for example:\n\n"
        + "- who is responsible for measure 8\n"
        + "- what does the Enforcement and Inspection Section own\n"
        + "- list all measures\n"
        + "- update\n\n"
        + "Send \"help\" at any time to see this again.");
}
