using GiBot.Roster;
using GiBot.Tests.Infrastructure;

namespace GiBot.Tests.Updates;

/// <summary>The people of the update tests: who they are in Teams and on the roster.</summary>
public sealed record Person(string AadObjectId, string Name, params UnitMembership[] Memberships)
{
    public string TeamsId => "29:" + AadObjectId;

    public RosterPerson ToRoster() => new(AadObjectId, Name, null, Memberships);
}

public static class People
{
    /// <summary>执法稽查科 owns measures 8, 9 and 10, and 20 as one of 市局各有关科室.</summary>
    public static readonly Person Inspector = new(Activities.UserAad, "稽查科张三", new UnitMembership("执法稽查科", RosterRole.Liaison));

    public static readonly Person TwoUnits = new("00000000-0000-0000-0000-0000000000b2", "李四",
        new UnitMembership("执法稽查科", RosterRole.Member), new UnitMembership("反不正当竞争科", RosterRole.Member));

    public static readonly Person CompetitionMember = new("00000000-0000-0000-0000-0000000000c3", "王五", new UnitMembership("反不正当竞争科", RosterRole.Member));

    public static readonly Person Admin = new("00000000-0000-0000-0000-0000000000d4", "管理员赵六", new UnitMembership("知识产权保护科", RosterRole.Admin));

    /// <summary>
    /// Every plan unit owns a measure, so this person's unit is a county bureau the bot was configured with once
    /// (<see cref="RetiredBureauSettings"/>) and no longer is: they stay on the roster, their unit owns nothing.
    /// </summary>
    public static readonly Person Office = new("00000000-0000-0000-0000-0000000000f6", "高新区孙七", new UnitMembership(RetiredBureau, RosterRole.Member));

    public const string RetiredBureau = "高新区市场监督管理局";

    /// <summary>Adds <see cref="RetiredBureau"/> after the configured bureaus of appsettings.json.</summary>
    public static Dictionary<string, string?> RetiredBureauSettings => new()
    {
        ["Measures:CountyBureaus:99:Name"] = RetiredBureau,
        ["Measures:CountyBureaus:99:NameEn"] = "High-tech Zone Market Supervision Administration",
    };

    public static readonly Person Stranger = new("00000000-0000-0000-0000-0000000000e5", "Visitor");

    public static IReadOnlyList<Person> OnRoster { get; } = [Inspector, TwoUnits, CompetitionMember, Admin];
}
