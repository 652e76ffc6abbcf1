using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Roster.Units;
using GiBot.Storage;

namespace GiBot.Roster;

/// <summary>The roster rules of issue 5 point 4 on top of <see cref="IRosterStore"/> (which caches).</summary>
public sealed class RosterDirectory(IRosterStore store, UnitCatalog units) : IRosterDirectory
{
    public const string PlanOffice = "知识产权保护科";

    public async Task<RosterPerson?> FindAsync(string aadObjectId, CancellationToken cancellationToken) =>
        (await PeopleAsync(cancellationToken)).FirstOrDefault(p => string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Everyone on the roster, including people known only by email (their id is <c>email:…</c>).</summary>
    public async Task<IReadOnlyList<RosterPerson>> PeopleAsync(CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken))
            .GroupBy(e => e.PersonId, StringComparer.OrdinalIgnoreCase)
            .Select(g => new RosterPerson(
                g.First().AadObjectId ?? g.Key,
                g.Select(e => e.DisplayName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
                g.Select(e => e.Email).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
                g.Select(e => new UnitMembership(e.UnitId, RosterRoles.Parse(e.Role) ?? RosterRole.Member)).ToArray()))
            .ToArray();

    public async Task<IReadOnlyList<ReportableMeasure>> ReportableMeasuresAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        if (await FindAsync(aadObjectId, cancellationToken) is not { } person)
        {
            return [];
        }
        return units.Registry.Measures
            // Plan order for everyone: a member of two units sees them as the plan lists them, whatever the storage order.
            .Select(m => new ReportableMeasure(m.Number, units.ResponsibleUnits(m)
                .Select(u => u.Name)
                .Where(name => person.IsAdmin || person.UnitIds.Contains(name))
                .ToArray()))
            .Where(r => r.UnitIds.Count > 0)
            .ToArray();
    }

    public async Task<AccessDecision> CanReportAsync(string aadObjectId, int measure, string unitId, CancellationToken cancellationToken)
    {
        var person = await FindAsync(aadObjectId, cancellationToken);
        var ask = await WhomToAskAsync(cancellationToken);
        if (person is null)
        {
            return NotOnRoster(ask);
        }
        if (units.Registry.Find(measure) is not { } found)
        {
            return AccessDecision.Refuse($"方案中没有第 {measure} 项措施（共 {MeasureRegistry.MeasureCount} 项）。",
                $"The plan has no measure {measure} (there are {MeasureRegistry.MeasureCount}).");
        }
        var unit = units.Find(unitId);
        if (unit is null || !units.Owns(unitId, measure))
        {
            var owners = string.Join("、", found.Owners.Select(o => o.Name));
            return AccessDecision.Refuse(
                $"{unit?.Name ?? MarkdownText.Literal(unitId)}不是第 {measure} 项措施的责任单位（责任单位：{owners}）。如有疑问，{ask.Chinese}",
                $"{unit?.NameEn ?? MarkdownText.Literal(unitId)} is not responsible for measure {measure} (responsible: {string.Join(", ", found.Owners.Select(o => o.NameEn))}). If this is wrong, {ask.English}");
        }
        if (person.IsAdmin || person.UnitIds.Contains(unitId, StringComparer.Ordinal))
        {
            return AccessDecision.Allow;
        }
        return AccessDecision.Refuse(
            $"您不是{unitId}的成员，只能为本单位负责的措施报送进展（您所在单位：{string.Join("、", person.UnitIds)}）。如需为{unitId}报送，{ask.Chinese}",
            $"You are not a member of {unit.NameEn}; you may report only for measures your own unit owns (your units: {string.Join(", ", person.UnitIds.Select(EnglishName))}). To report for {unit.NameEn}, {ask.English}");
    }

    public async Task<AccessDecision> CanAdministerAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var person = await FindAsync(aadObjectId, cancellationToken);
        if (person?.IsAdmin == true)
        {
            return AccessDecision.Allow;
        }
        var ask = await WhomToAskAsync(cancellationToken);
        return AccessDecision.Refuse(
            $"只有管理员（{PlanOffice}负责方案的同事）可以查看和修改成员名单、提醒计划和转发设置。{ask.Chinese}",
            $"Only administrators (the IP Protection Section staff who run the plan) may see and change the roster, reminder schedules and relay settings. {Localization.LanguageExtensions.Capitalized(ask.English)}");
    }

    public async Task<AccessDecision> CanSeeUnitAsync(string aadObjectId, string unitId, CancellationToken cancellationToken)
    {
        var person = await FindAsync(aadObjectId, cancellationToken);
        var ask = await WhomToAskAsync(cancellationToken);
        if (person is null)
        {
            return NotOnRoster(ask);
        }
        if (person.IsHeadOrAdmin || person.UnitIds.Contains(unitId, StringComparer.Ordinal))
        {
            return AccessDecision.Allow;
        }
        return AccessDecision.Refuse(
            $"您只能查看本单位（{string.Join("、", person.UnitIds)}）的进展；{unitId}的进展仅对该单位、负责人和管理员可见。如需查看，{ask.Chinese}",
            $"You can see updates of your own unit only ({string.Join(", ", person.UnitIds.Select(EnglishName))}); updates of {EnglishName(unitId)} are for that unit, heads and administrators. To see them, {ask.English}");
    }

    /// <summary>Why someone not on the roster cannot use a roster feature, how to join and whom to ask.</summary>
    public async Task<AccessDecision> NotOnRosterAsync(CancellationToken cancellationToken) => NotOnRoster(await WhomToAskAsync(cancellationToken));

    public async Task<IReadOnlyList<RosterPerson>> AdminsAsync(CancellationToken cancellationToken) =>
        (await PeopleAsync(cancellationToken)).Where(p => p.IsAdmin).ToArray();

    public async Task<IReadOnlyList<RosterPerson>> MembersOfUnitAsync(string unitId, IReadOnlyCollection<RosterRole>? roles, CancellationToken cancellationToken) =>
        (await PeopleAsync(cancellationToken))
            .Where(p => p.Memberships.Any(m => m.UnitId == unitId && (roles is null || roles.Count == 0 || roles.Contains(m.Role))))
            .ToArray();

    /// <summary>"请联系管理员：…" naming the admins, or 知识产权保护科 when there are none (Markdown: names show as typed).</summary>
    public async Task<(string Chinese, string English)> WhomToAskAsync(CancellationToken cancellationToken)
    {
        var admins = await AdminsAsync(cancellationToken);
        // An admin known only by an Entra object id is not someone a colleague can look for: name only those with a name or email.
        var named = admins.Where(a => a.Name is not null || a.Email is not null).Select(a => MarkdownText.Literal(DisplayName(a))).ToArray();
        return (admins.Count, named.Length) switch
        {
            (0, _) => ($"请联系{PlanOffice}。", "please contact the IP Protection Section (知识产权保护科)."),
            (_, 0) => ($"请联系{PlanOffice}的管理员。", "please contact an administrator of the IP Protection Section (知识产权保护科)."),
            _ => ($"请联系管理员：{string.Join("、", named)}。", $"please contact an administrator: {string.Join(", ", named)}."),
        };
    }

    public static string DisplayName(RosterPerson person) =>
        person.Name ?? person.Email ?? (person.AadObjectId.StartsWith(EmailKeys.Prefix, StringComparison.Ordinal) ? person.AadObjectId[EmailKeys.Prefix.Length..] : person.AadObjectId);

    private string EnglishName(string unitId) => units.Find(unitId)?.NameEn ?? unitId;

    private static AccessDecision NotOnRoster((string Chinese, string English) ask) => AccessDecision.Refuse(
        $"您还不在 GiBot 的成员名单中，因此暂时不能报送或查看单位进展。加入方法：发送“我是××的联络员”（××为单位名称，例如“我是执法稽查科的联络员”），管理员批准后即可。{ask.Chinese}",
        $"You are not on GiBot's roster yet, so you cannot report or see unit updates. To join, send \"I am the liaison of [unit]\" (e.g. \"I am the liaison of the Enforcement and Inspection Section\"); an administrator approves it. Otherwise {ask.English}");

}
