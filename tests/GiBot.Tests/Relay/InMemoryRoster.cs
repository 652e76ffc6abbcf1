using GiBot.Roster;

namespace GiBot.Tests.Relay;

/// <summary>A small roster for relay tests: some admins and some members, by AAD object id.</summary>
public sealed class InMemoryRoster(params RosterPerson[] people) : IRosterDirectory
{
    public static RosterPerson Admin(string aad, string name) => new(aad, name, null, [new UnitMembership("知识产权保护科", RosterRole.Admin)]);

    public static RosterPerson Member(string aad, string name, string unit) => new(aad, name, null, [new UnitMembership(unit, RosterRole.Member)]);

    public Task<RosterPerson?> FindAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(people.FirstOrDefault(p => p.AadObjectId == aadObjectId));

    public Task<IReadOnlyList<ReportableMeasure>> ReportableMeasuresAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReportableMeasure>>([]);

    public Task<AccessDecision> CanReportAsync(string aadObjectId, int measure, string unitId, CancellationToken cancellationToken) =>
        Task.FromResult(people.Any(p => p.AadObjectId == aadObjectId && (p.IsAdmin || p.UnitIds.Contains(unitId)))
            ? AccessDecision.Allow
            : AccessDecision.Refuse("您不属于该单位。", "You are not in that unit."));

    public Task<AccessDecision> CanAdministerAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(people.Any(p => p.AadObjectId == aadObjectId && p.IsAdmin)
            ? AccessDecision.Allow
            : AccessDecision.Refuse("只有管理员可以更改转发设置，请联系知识产权保护科。", "Only admins may change relay settings; please ask the IP Protection Section."));

    public Task<AccessDecision> CanSeeUnitAsync(string aadObjectId, string unitId, CancellationToken cancellationToken) =>
        Task.FromResult(AccessDecision.Allow);

    public Task<IReadOnlyList<RosterPerson>> AdminsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RosterPerson>>(people.Where(p => p.IsAdmin).ToArray());

    public Task<IReadOnlyList<RosterPerson>> MembersOfUnitAsync(string unitId, IReadOnlyCollection<RosterRole>? roles, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RosterPerson>>(people.Where(p => p.Memberships.Any(m => m.UnitId == unitId && (roles is null || roles.Contains(m.Role)))).ToArray());
}
