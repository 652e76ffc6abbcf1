namespace GiBot.Roster;

/// <summary>A Teams user as the roster knows them: identity and their memberships.</summary>
public sealed record RosterPerson(string AadObjectId, string? Name, string? Email, IReadOnlyList<UnitMembership> Memberships)
{
    public bool IsAdmin => Memberships.Any(m => m.Role == RosterRole.Admin);

    public bool IsHeadOrAdmin => Memberships.Any(m => m.Role is RosterRole.Head or RosterRole.Admin);

    public IReadOnlyList<string> UnitIds => Memberships.Select(m => m.UnitId).Distinct(StringComparer.Ordinal).ToArray();
}

/// <summary>One unit a person belongs to (unit ids are the plan's Chinese unit names), with their role there.</summary>
public sealed record UnitMembership(string UnitId, RosterRole Role);

/// <summary>A measure the person may report on, and the units they may report it for.</summary>
public sealed record ReportableMeasure(int Measure, IReadOnlyList<string> UnitIds);

/// <summary>The answer to "may this person do this?": when refused, why and whom to ask, in both languages.</summary>
public sealed record AccessDecision(bool Allowed, string? ReasonChinese = null, string? ReasonEnglish = null)
{
    public static AccessDecision Allow { get; } = new(true);

    public static AccessDecision Refuse(string chinese, string english) => new(false, chinese, english);

    public string? Reason(Localization.Language language) => language == Localization.Language.English ? ReasonEnglish : ReasonChinese;
}
