using GiBot.Roster;

namespace GiBot.Tests.Infrastructure;

/// <summary>
/// Test people as <c>Roster:People</c> settings, so the real roster seeds them at every start as it does in
/// production. Configuration gives each entry one role, so a person with several roles becomes several entries.
/// </summary>
public static class RosterPeopleSettings
{
    private const string Section = "Roster:People";

    /// <summary>A copy of <paramref name="settings"/> with <paramref name="people"/> added after any people already there.</summary>
    public static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> settings, IEnumerable<RosterPerson> people)
    {
        var all = new Dictionary<string, string?>(settings);
        var index = NextIndex(all);
        foreach (var person in people)
        {
            foreach (var role in person.Memberships.GroupBy(m => m.Role))
            {
                var prefix = $"{Section}:{index++}:";
                all[prefix + "AadObjectId"] = person.AadObjectId;
                if (person.Name is not null)
                {
                    all[prefix + "Name"] = person.Name;
                }
                if (person.Email is not null)
                {
                    all[prefix + "Email"] = person.Email;
                }
                all[prefix + "Role"] = RosterRoles.Stored(role.Key);
                var unit = 0;
                foreach (var membership in role)
                {
                    all[$"{prefix}Units:{unit++}"] = membership.UnitId;
                }
            }
        }
        return all;
    }

    private static int NextIndex(Dictionary<string, string?> settings) =>
        settings.Keys
            .Where(k => k.StartsWith(Section + ":", StringComparison.OrdinalIgnoreCase))
            .Select(k => int.TryParse(k[(Section.Length + 1)..].Split(':')[0], out var i) ? i + 1 : 0)
            .DefaultIfEmpty(0)
            .Max();
}
