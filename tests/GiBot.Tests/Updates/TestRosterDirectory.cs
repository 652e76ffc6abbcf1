using GiBot.Measures.Registry;
using GiBot.Roster;

namespace GiBot.Tests.Updates;

/// <summary>
/// An in-memory roster following the documented rules: members report only for measures their unit
/// owns, admins for any; heads and admins see every unit. The real directory replaces it at merge.
/// </summary>
public sealed class TestRosterDirectory(MeasureRegistry registry, IReadOnlyList<RosterPerson> people) : IRosterDirectory
{
    public Task<RosterPerson?> FindAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(people.FirstOrDefault(p => p.AadObjectId == aadObjectId));

    public async Task<IReadOnlyList<ReportableMeasure>> ReportableMeasuresAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        if (await FindAsync(aadObjectId, cancellationToken) is not { } person)
        {
            return [];
        }
        return registry.Measures
            .Select(m => new ReportableMeasure(m.Number, UnitsFor(person, m)))
            .Where(r => r.UnitIds.Count > 0)
            .ToArray();
    }

    public async Task<AccessDecision> CanReportAsync(string aadObjectId, int measure, string unitId, CancellationToken cancellationToken)
    {
        if (await FindAsync(aadObjectId, cancellationToken) is not { } person)
        {
            return AccessDecision.Refuse("您不在人员名单中。", "You are not on the roster.");
        }
        return registry.Find(measure) is { } m && UnitsFor(person, m).Contains(unitId)
            ? AccessDecision.Allow
            : AccessDecision.Refuse($"{unitId}不负责第 {measure} 项措施，或您不属于该单位。", $"{unitId} does not own measure {measure}, or you are not in it.");
    }

    public async Task<AccessDecision> CanAdministerAsync(string aadObjectId, CancellationToken cancellationToken) =>
        await FindAsync(aadObjectId, cancellationToken) is { IsAdmin: true } ? AccessDecision.Allow : AccessDecision.Refuse("仅管理员可操作。", "Admins only.");

    public async Task<AccessDecision> CanSeeUnitAsync(string aadObjectId, string unitId, CancellationToken cancellationToken) =>
        await FindAsync(aadObjectId, cancellationToken) is { } person && (person.IsHeadOrAdmin || person.UnitIds.Contains(unitId))
            ? AccessDecision.Allow
            : AccessDecision.Refuse("只能查看本单位的汇报。", "You can see your own unit's updates only.");

    public Task<IReadOnlyList<RosterPerson>> AdminsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RosterPerson>>(people.Where(p => p.IsAdmin).ToArray());

    public Task<IReadOnlyList<RosterPerson>> MembersOfUnitAsync(string unitId, IReadOnlyCollection<RosterRole>? roles, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RosterPerson>>(people
            .Where(p => p.Memberships.Any(m => m.UnitId == unitId && (roles is null || roles.Contains(m.Role)))).ToArray());

    // An admin reports for any unit the measure names; everyone else for their own units that own it.
    private IReadOnlyList<string> UnitsFor(RosterPerson person, Measure measure)
    {
        var owners = measure.Units.Select(u => u.Name).Concat(measure.SharedWithCountyBureaus ? registry.CountyBureaus.Select(b => b.Name) : []).ToArray();
        return person.IsAdmin
            ? owners
            : person.UnitIds.Where(owners.Contains).ToArray();
    }
}
