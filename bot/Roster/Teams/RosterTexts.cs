using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;
using GiBot.Roster.Units;

namespace GiBot.Roster.Teams;

/// <summary>The roster's replies that several flows share, zh-CN first.</summary>
public static class RosterTexts
{
    public static OutgoingMessage UnknownUnit(string unitText, UnitCatalog units, Language language)
    {
        var matches = units.Match(unitText);
        if (matches.Count > 1)
        {
            return new OutgoingMessage(language.Pick(
                $"“{MarkdownText.Literal(unitText)}”可能指多个单位：{string.Join("、", matches.Select(u => u.Name))}。请写出单位全称。",
                $"\"{MarkdownText.Literal(unitText)}\" could mean several units: {string.Join(", ", matches.Select(u => u.NameEn))}. Please give the full name."));
        }
        var examples = string.Join(language.Pick("、", ", "), units.Units.Where(u => u.Kind == UnitKind.Office).Take(4).Select(u => language.Pick(u.Name, u.NameEn)));
        return new OutgoingMessage(language.Pick(
            $"找不到单位“{MarkdownText.Literal(unitText)}”。请使用方案中的单位名称，例如{examples}，或县区局名称；也可以发送“加入单位”从列表中选择。",
            $"I do not know the unit \"{MarkdownText.Literal(unitText)}\". Please use a unit named in the plan, e.g. {examples}, or a county/district bureau; or send \"join\" to pick from a list."));
    }

    public static OutgoingMessage RequestSent(Unit unit, RosterRole role, IReadOnlyList<string> reached, IReadOnlyList<string> unreachable, Language language)
    {
        var roleText = RosterRoles.Display(role, language);
        var becomeEn = $"become {RosterRoles.EnglishWithArticle(role)} of {UnitNames.TheEnglish(unit)}";
        if (reached.Count == 0)
        {
            return new OutgoingMessage(language.Pick(
                $"您申请成为{unit.Name}的{roleText}，但管理员（{Names(unreachable, "、")}）尚未与 GiBot 建立个人聊天，暂时无法收到申请。请直接联系他们，或请他们先给 GiBot 发一条消息后您再申请。",
                $"You asked to {becomeEn}, but the administrators ({Names(unreachable, ", ")}) have no personal chat with GiBot yet, so they cannot receive it. Please contact them directly, or ask them to message GiBot once and then ask again."));
        }
        var text = language.Pick(
            $"已将您成为{unit.Name}{roleText}的申请发送给管理员：{Names(reached, "、")}。审批后我会通知您。",
            $"Your request to {becomeEn} was sent to the administrators: {Names(reached, ", ")}. I will tell you the outcome.");
        if (unreachable.Count > 0)
        {
            text += language.Pick(
                $"\n\n（{Names(unreachable, "、")} 尚未与 GiBot 建立个人聊天，未能收到申请。）",
                $"\n\n({Names(unreachable, ", ")} have no personal chat with GiBot and did not receive it.)");
        }
        return new OutgoingMessage(text);
    }

    /// <summary>People's names for a Markdown reply, shown as typed.</summary>
    private static string Names(IEnumerable<string> names, string separator) => string.Join(separator, names.Select(MarkdownText.Literal));
}
