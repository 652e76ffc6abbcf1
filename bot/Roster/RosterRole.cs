namespace GiBot.Roster;

/// <summary>What a person may do for a unit (issue 5).</summary>
public enum RosterRole
{
    /// <summary>Belongs to the unit; may report for the unit's measures.</summary>
    Member,

    /// <summary>联络员: the one who reports for the unit and receives reminders.</summary>
    Liaison,

    /// <summary>科长/局长: approves, sees every update, is escalated to.</summary>
    Head,

    /// <summary>Staff of 知识产权保护科 who run the plan: may do everything.</summary>
    Admin,
}
