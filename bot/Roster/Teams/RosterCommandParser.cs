using System.Text.RegularExpressions;
using GiBot.Localization;
using GiBot.Protocol.Turns;

namespace GiBot.Roster.Teams;

/// <summary>
/// Recognises the roster's commands in Chinese and English. Only whole-message commands match, so
/// questions about measures ("执法稽查科负责哪些措施") stay with the measures feature.
/// </summary>
public static partial class RosterCommandParser
{
    /// <summary>
    /// What every command can start with (the first character of each pattern below; the Chinese role change is the
    /// one pattern that may start anywhere, so it is recognised by its 设为).
    /// </summary>
    private const string FirstChars = "我本加申成人名添移删mjilras";

    public static RosterCommand? Parse(string text) =>
        CommandStart.MayStartWith(text, FirstChars) || text.Contains("设为", StringComparison.Ordinal) ? ParseAny(text) : null;

    /// <summary>The parse without the pre-check (tests compare both).</summary>
    internal static RosterCommand? ParseAny(string text)
    {
        text = Trailing().Replace(text.Trim(), "");
        if (text.Length == 0)
        {
            return null;
        }
        if (MyMeasures().Match(text) is { Success: true } mine)
        {
            return new ShowMyMeasures(mine.Groups["unit"].Success ? mine.Groups["unit"].Value.Trim() : null);
        }
        if (JoinPicker().IsMatch(text))
        {
            return new ShowJoinPicker();
        }
        if (JoinChinese().Match(text) is { Success: true } zh && RosterRoles.Parse(zh.Groups["role"].Value) is { } zhRole)
        {
            return new RequestJoin(zh.Groups["unit"].Value.Trim(), zhRole);
        }
        if (JoinEnglish().Match(text) is { Success: true } en && RosterRoles.Parse(en.Groups["role"].Value) is { } enRole)
        {
            return new RequestJoin(en.Groups["unit"].Value.Trim(), enRole);
        }
        if (List().Match(text) is { Success: true } list)
        {
            return new ListRoster(Optional(list.Groups["unit"]));
        }
        // Other features' commands ("删除第8项进展", "remove reminder 8") are not about people.
        if (OtherFeatureWords().IsMatch(text))
        {
            return null;
        }
        if (First(text, AddChinese(), AddEnglish()) is { } add)
        {
            return new AddPerson(add.Groups["who"].Value.Trim(), add.Groups["unit"].Value.Trim(), Optional(add.Groups["role"]));
        }
        if (First(text, RemoveChinese(), RemoveEnglish()) is { } remove)
        {
            return new RemovePerson(remove.Groups["who"].Value.Trim(), Optional(remove.Groups["unit"]));
        }
        if (First(text, SetRoleChinese(), SetRoleEnglish()) is { } set && RosterRoles.Parse(set.Groups["role"].Value) is { } newRole)
        {
            return new ChangeRole(set.Groups["who"].Value.Trim(), Optional(set.Groups["unit"]), newRole);
        }
        return null;
    }

    /// <summary>
    /// The language a join request is phrased in, whatever the script of the unit's name ("I am the liaison of 人事科" is
    /// English); null when the text is no join request.
    /// </summary>
    public static Language? JoinLanguage(string text)
    {
        text = Trailing().Replace(text.Trim(), "");
        return JoinChinese().IsMatch(text) ? Language.Chinese : JoinEnglish().IsMatch(text) ? Language.English : null;
    }

    private static Match? First(string text, params Regex[] patterns) =>
        patterns.Select(p => p.Match(text)).FirstOrDefault(m => m.Success);

    private static string? Optional(Group group) => group.Success && group.Value.Trim().Length > 0 ? group.Value.Trim() : null;

    [GeneratedRegex(@"进展|提醒|转发|报送|措施|第\s*\d+\s*项|\b(?:update|updates|reminders?|relay|schedules?|measures?)\b|^\S+\s+\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex OtherFeatureWords();

    [GeneratedRegex(@"[\s。.!！?？]+$")]
    private static partial Regex Trailing();

    [GeneratedRegex(@"^(?:我的措施|我的任务|本单位的?措施|我们单位的?措施|my measures|my tasks|my unit'?s measures)(?:[\s:：]+(?<unit>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex MyMeasures();

    [GeneratedRegex(@"^(?:加入单位|申请加入单位|申请加入|加入|join|join a unit|join unit)$", RegexOptions.IgnoreCase)]
    private static partial Regex JoinPicker();

    // 的 is often left out ("我是人事科联络员"); the role word at the end still marks the message as a join request.
    [GeneratedRegex(@"^我是\s*(?<unit>.+?)\s*的?\s*(?<role>联络员|成员|工作人员|科员|负责人|科长|局长|主任|管理员)$")]
    private static partial Regex JoinChinese();

    [GeneratedRegex(@"^i(?:\s+am|['’]m)\s+(?:the\s+|a\s+|an\s+)?(?<role>liaison|member|head|admin|administrator)\s+(?:of|for|in|at)\s+(?:the\s+)?(?<unit>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex JoinEnglish();

    [GeneratedRegex(@"^(?:成员列表|成员名单|人员名单|名单|roster|list members|members)(?:\s+(?<unit>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex List();

    [GeneratedRegex(@"^添加\s*(?<who>.*?)\s*到\s*(?<unit>.+?)(?:\s*(?:为|作为)\s*(?<role>\S+))?$")]
    private static partial Regex AddChinese();

    [GeneratedRegex(@"^add\b\s*(?<who>.*?)\s*\bto\s+(?:the\s+)?(?<unit>.+?)(?:\s+as\s+(?:the\s+|a\s+|an\s+)?(?<role>\w+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex AddEnglish();

    [GeneratedRegex(@"^(?:移除|删除)\s*(?<who>.*?)(?:\s*从\s*(?<unit>.+?)\s*(?:中|里|移除)?)?$")]
    private static partial Regex RemoveChinese();

    [GeneratedRegex(@"^remove\b\s*(?<who>.*?)(?:\s*\bfrom\s+(?:the\s+)?(?<unit>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex RemoveEnglish();

    [GeneratedRegex(@"^(?:将|把)?\s*(?<who>.*?)\s*(?:在\s*(?<unit>.+?)\s*)?设为\s*(?<role>\S+)$")]
    private static partial Regex SetRoleChinese();

    [GeneratedRegex(@"^(?:set|make)\b\s*(?<who>.*?)\s*(?:\b(?:as|to)\s+)?(?:\b(?:the|a|an)\s+)?\b(?<role>liaison|member|head|admin)(?:\s+(?:of|in|for)\s+(?:the\s+)?(?<unit>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex SetRoleEnglish();
}
