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
    /// <summary>执法稽查科 owns measures 8, 9 and 10.</summary>
    public static readonly Person Inspector = new(Activities.UserAad, "稽查科张三", new UnitMembership("执法稽查科", RosterRole.Liaison));

    public static readonly Person TwoUnits = new("00000000-0000-0000-0000-0000000000b2", "李四",
        new UnitMembership("执法稽查科", RosterRole.Member), new UnitMembership("反不正当竞争科", RosterRole.Member));

    public static readonly Person CompetitionMember = new("00000000-0000-0000-0000-0000000000c3", "王五", new UnitMembership("反不正当竞争科", RosterRole.Member));

    public static readonly Person Admin = new("00000000-0000-0000-0000-0000000000d4", "管理员赵六", new UnitMembership("知识产权保护科", RosterRole.Admin));

    /// <summary>On the roster, but their unit owns no measure.</summary>
    public static readonly Person Office = new("00000000-0000-0000-0000-0000000000f6", "办公室孙七", new UnitMembership("办公室", RosterRole.Member));

    public static readonly Person Stranger = new("00000000-0000-0000-0000-0000000000e5", "Visitor");

    public static IReadOnlyList<Person> OnRoster { get; } = [Inspector, TwoUnits, CompetitionMember, Admin, Office];
}
