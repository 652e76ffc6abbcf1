using System.Text;
using GiBot.Localization;
using GiBot.Roster;

namespace GiBot.Reminders.Sending;

/// <summary>
/// What admins read about people whose chat Teams refused a reminder for good (<see cref="RefusedChat"/>): who, why,
/// that the bot stops trying them, and how they come back.
/// </summary>
public static class RefusedChatText
{
    public static string Text(IReadOnlyList<RefusedChat> refused, Language language)
    {
        var sep = language.Pick("、", ", ");
        var text = new StringBuilder(language.Pick(
            $"以下 {refused.Count} 人的进展汇报提醒被 Teams 拒收，本次没有送达；在他们重新打开 GiBot 之前，机器人不再给他们发提醒：\n\n",
            $"Teams refused the progress update reminder for {refused.Count} {(refused.Count == 1 ? "person" : "people")}, so it did not reach them; the bot sends them no more reminders until they open GiBot again:\n\n"));
        foreach (var one in refused)
        {
            var person = one.Person;
            text.Append($"- {MarkdownText.Literal(RosterDirectory.DisplayName(person))}{language.Pick("（", " (")}{string.Join(sep, person.UnitIds)}{language.Pick("）：", "): ")}{RefusedChat.Reason(one.Status, language)}\n");
        }
        text.Append(language.Pick(
            "\n处理方法：请本人在 Teams 中重新添加或打开 GiBot 并给它发一条消息（若被 Teams 管理员停用，请管理员在 Teams 管理中心允许 GiBot）；之后的提醒会自动恢复。本次提醒不会补发，如临近截止，请先电话通知。",
            "\nHow to fix it: ask them to add or open GiBot in Teams again and send it a message (if a Teams administrator disabled it, have them allow GiBot in the Teams admin center); later reminders then reach them again. This reminder is not sent again: if the deadline is close, call them."));
        return text.ToString();
    }
}
