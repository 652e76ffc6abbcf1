using GiBot.Localization;

namespace GiBot.Roster;

/// <summary>How roles are stored (lower-case English words), read from config and commands, and shown to users.</summary>
public static class RosterRoles
{
    private static readonly Dictionary<string, RosterRole> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["member"] = RosterRole.Member,
        ["成员"] = RosterRole.Member,
        ["工作人员"] = RosterRole.Member,
        ["科员"] = RosterRole.Member,
        ["liaison"] = RosterRole.Liaison,
        ["联络员"] = RosterRole.Liaison,
        ["head"] = RosterRole.Head,
        ["负责人"] = RosterRole.Head,
        ["科长"] = RosterRole.Head,
        ["局长"] = RosterRole.Head,
        ["主任"] = RosterRole.Head,
        ["admin"] = RosterRole.Admin,
        ["administrator"] = RosterRole.Admin,
        ["管理员"] = RosterRole.Admin,
    };

    public static string Stored(RosterRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The role a word names (member, liaison, 联络员, 科长…), or null.</summary>
    public static RosterRole? Parse(string? word) =>
        word is not null && Words.TryGetValue(word.Trim(), out var role) ? role : null;

    public static string Display(RosterRole role, Language language) => role switch
    {
        RosterRole.Member => language.Pick("成员", "member"),
        RosterRole.Liaison => language.Pick("联络员", "liaison"),
        RosterRole.Head => language.Pick("负责人", "head"),
        _ => language.Pick("管理员", "admin"),
    };

    /// <summary>The role as an English sentence names it: "the liaison", "a member".</summary>
    public static string EnglishWithArticle(RosterRole role) => role switch
    {
        RosterRole.Member => "a member",
        RosterRole.Admin => "an admin",
        _ => "the " + Display(role, Language.English),
    };

    /// <summary>Role words a command may use, longest first (for patterns).</summary>
    public static IEnumerable<string> AllWords => Words.Keys.OrderByDescending(w => w.Length);
}
