using GiBot.Roster.Units;
using GiBot.Storage;

namespace GiBot.Roster.Seeding;

/// <summary>
/// Applies Roster:People at every start (after storage has migrated): each configured membership is
/// added or its role updated; people added in Teams stay. Mistakes in the configuration (unknown units,
/// roles, people without an id) stop the start with one message naming them all.
/// </summary>
public sealed partial class RosterSeeder(IConfiguration configuration, UnitCatalog units, IRosterStore store, ILogger<RosterSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var people = RosterPeopleConfiguration.Read(configuration);
        var entries = Plan(people, units);
        if (entries.Count == 0)
        {
            return;
        }
        try
        {
            var existing = await store.ListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                // An email-only person resolved earlier keeps their aadObjectId key.
                var key = entry.AadObjectId is null && entry.Email is not null
                    ? existing.FirstOrDefault(e => e.AadObjectId is not null && string.Equals(e.Email, entry.Email, StringComparison.OrdinalIgnoreCase))?.PersonId ?? entry.PersonId
                    : entry.PersonId;
                var known = existing.FirstOrDefault(e => string.Equals(e.PersonId, key, StringComparison.OrdinalIgnoreCase));
                await store.UpsertAsync(entry with
                {
                    PersonId = key,
                    AadObjectId = entry.AadObjectId ?? known?.AadObjectId,
                    DisplayName = entry.DisplayName ?? known?.DisplayName,
                }, cancellationToken);
            }
            LogSeeded(logger, entries.Count, people.Count);
        }
        catch (StorageUnavailableException e)
        {
            LogNotSeeded(logger, e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The memberships the configuration asks for; throws naming every mistake at once.</summary>
    public static IReadOnlyList<RosterEntry> Plan(IReadOnlyList<ConfiguredPerson> people, UnitCatalog units)
    {
        var problems = new List<string>();
        var unknownUnits = people.SelectMany(p => p.Units).Where(u => units.Find(u) is null).Distinct(StringComparer.Ordinal).ToArray();
        if (unknownUnits.Length > 0)
        {
            problems.Add($"{RosterPeopleConfiguration.SectionName} names unknown units: {string.Join(", ", unknownUnits)} (unit names are the plan's Chinese names, e.g. 执法稽查科, or a bureau from Measures:CountyBureaus)");
        }
        foreach (var person in people)
        {
            var where = $"{RosterPeopleConfiguration.SectionName}:{person.Index}";
            if (person.AadObjectId is null && person.Email is null)
            {
                problems.Add($"{where} has neither AadObjectId nor Email");
            }
            if (person.Email is not null && !EmailKeys.LooksLikeEmail(person.Email))
            {
                problems.Add($"{where} has an invalid Email \"{person.Email}\"");
            }
            if (person.Role is not null && RosterRoles.Parse(person.Role) is null)
            {
                problems.Add($"{where} has an unknown Role \"{person.Role}\" (use member, liaison, head or admin)");
            }
            if (person.Units.Count == 0 && RosterRoles.Parse(person.Role) != RosterRole.Admin)
            {
                problems.Add($"{where} has no Units");
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems) + ".");
        }
        return people.SelectMany(p =>
        {
            var role = RosterRoles.Parse(p.Role) ?? RosterRole.Member;
            var email = p.Email?.ToLowerInvariant();
            var key = p.AadObjectId ?? EmailKeys.For(email!);
            // An admin without units belongs to the section that runs the plan.
            var unitIds = p.Units.Count > 0 ? p.Units : [RosterDirectory.PlanOffice];
            return unitIds.Distinct(StringComparer.Ordinal).Select(u => new RosterEntry(key, u, RosterRoles.Stored(role), p.AadObjectId, email, p.Name));
        }).ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster: applied {Entries} memberships of {People} configured people")]
    private static partial void LogSeeded(ILogger logger, int entries, int people);

    [LoggerMessage(Level = LogLevel.Error, Message = "Roster: configured people were not applied, storage is unavailable: {Reason}")]
    private static partial void LogNotSeeded(ILogger logger, string reason);
}
