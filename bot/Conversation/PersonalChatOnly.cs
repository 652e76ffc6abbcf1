using GiBot.Localization;
using GiBot.Protocol.Turns;

namespace GiBot.Conversation;

/// <summary>
/// Reports, their history, the overview, the ledger, rosters and reminder plans are answered only in a
/// person's 1:1 chat with GiBot: in a group chat or channel every member would see what only the asker
/// may see. Questions about the plan itself stay answerable everywhere.
/// </summary>
public static class PersonalChatOnly
{
    private const int LongestEcho = 30;

    /// <summary>Null in a personal chat; otherwise the polite refusal, pointing to the 1:1 chat.</summary>
    /// <param name="command">What to send there (a button has no typed text); by default what was typed.</param>
    public static OutgoingMessage? Refusal(TurnContext turn, (string Chinese, string English)? command = null)
    {
        if (turn.IsPersonalChat)
        {
            return null;
        }
        var language = turn.Language;
        var typed = turn.Text.Trim();
        var example = command is var (chinese, english) ? language.Pick(chinese, english)
            : typed.Length is > 0 and <= LongestEcho ? typed : language.Pick("帮助", "help");
        var chat = ChatLink(turn) is { } link ? language.Pick($"[打开与 GiBot 的聊天]({link})", $"[Open your chat with GiBot]({link})") : language.Pick("在 Teams 的“聊天”中打开与 GiBot 的聊天", "Open your chat with GiBot under Chat in Teams");
        return new OutgoingMessage(language.Pick(
            $"为保护汇报数据，进展汇报、进展记录、总览、台账、成员名单和提醒计划只在与 GiBot 的一对一聊天中提供，不在群聊或频道中显示。请{chat}，发送“{example}”。",
            $"To keep reports private, updates, progress history, the overview, the ledger, rosters and reminder plans are only available in your 1:1 chat with GiBot, not in group chats or channels. {chat} and send \"{example}\"."));
    }

    /// <summary>Added to the welcome in a group chat or team: how to ask there, and where reports go.</summary>
    public static string InGroups(Language language) => language.Pick(
        "在群聊和频道中，请先 @GiBot 再提问，例如“@GiBot 第八项措施谁负责”。进展汇报、进展记录、总览和台账请在与 GiBot 的一对一聊天中使用。",
        "In group chats and channels, @mention GiBot first, e.g. \"@GiBot who is responsible for measure 8\". Updates, progress history, the overview and the ledger are in your 1:1 chat with GiBot.");

    // Teams' deep link that opens (or starts) the user's 1:1 chat with a bot, by the bot's 28: id.
    private static string? ChatLink(TurnContext turn) =>
        turn.Activity.Recipient?.Id is { } id && id.StartsWith("28:", StringComparison.Ordinal) && id.Length < 100 && !id.Any(char.IsWhiteSpace)
            ? "https://teams.microsoft.com/l/chat/0/0?users=" + Uri.EscapeDataString(id)
            : null;
}
