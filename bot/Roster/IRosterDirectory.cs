namespace GiBot.Roster;

/// <summary>
/// Who belongs to which unit and may do what (issue 5 point 4). Every feature asks here instead of
/// reading the roster store: a unit's members report only for measures their unit owns, admins for any;
/// only admins change roster, schedules and relay settings; heads and admins see every update.
/// </summary>
public interface IRosterDirectory
{
    /// <summary>The person, or null when they are not on the roster.</summary>
    Task<RosterPerson?> FindAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>Measures the person may report on, each with the units they may report it for, by measure number.</summary>
    Task<IReadOnlyList<ReportableMeasure>> ReportableMeasuresAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>May the person report on <paramref name="measure"/> for <paramref name="unitId"/>?</summary>
    Task<AccessDecision> CanReportAsync(string aadObjectId, int measure, string unitId, CancellationToken cancellationToken);

    /// <summary>May the person change the roster, schedules and relay settings?</summary>
    Task<AccessDecision> CanAdministerAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>May the person see updates of <paramref name="unitId"/> (their own unit, or any as head or admin)?</summary>
    Task<AccessDecision> CanSeeUnitAsync(string aadObjectId, string unitId, CancellationToken cancellationToken);

    /// <summary>Everyone with the admin role.</summary>
    Task<IReadOnlyList<RosterPerson>> AdminsAsync(CancellationToken cancellationToken);

    /// <summary>Members of a unit, optionally only those with one of the roles.</summary>
    Task<IReadOnlyList<RosterPerson>> MembersOfUnitAsync(string unitId, IReadOnlyCollection<RosterRole>? roles, CancellationToken cancellationToken);
}
