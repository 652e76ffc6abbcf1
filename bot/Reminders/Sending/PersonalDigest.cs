using GiBot.Reminders.Schedule;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Reminders.Sending;

/// <summary>One person's reminder digest of one rung (a plan step: T-3, T-1, T+1, a nudge, a snooze): its rows, by measure.</summary>
public sealed record PersonalDigest(RosterPerson Person, string Step, IReadOnlyList<DigestRow> Rows);

/// <summary>Groups claimed plans into digests: every recipient of every plan not yet sent to them, per person and rung.</summary>
public static class PersonalDigests
{
    public static async Task<IReadOnlyList<PersonalDigest>> GatherAsync(
        IReadOnlyList<(ReminderPlan Plan, ReportingWindow Window)> plans, ReminderRecipients recipients, IReminderStore reminders, CancellationToken cancellationToken)
    {
        var digests = new Dictionary<(string Person, string Step), (RosterPerson Person, List<DigestRow> Rows)>();
        var order = new List<(string Person, string Step)>();
        var liaisons = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (plan, window) in plans)
        {
            var sent = await reminders.ListRecipientsSentAsync(plan.Key, cancellationToken);
            foreach (var person in await recipients.ForAsync(plan, cancellationToken))
            {
                if (sent.Contains(person.AadObjectId))
                {
                    continue;
                }
                IReadOnlyList<string>? late = null;
                if (FollowsUp(person, plan))
                {
                    if (!liaisons.TryGetValue(plan.UnitId, out var names))
                    {
                        names = liaisons[plan.UnitId] = await recipients.LiaisonNamesAsync(plan.UnitId, cancellationToken);
                    }
                    late = names;
                }
                var key = (person.AadObjectId, plan.Step);
                if (!digests.TryGetValue(key, out var digest))
                {
                    digest = digests[key] = (person, []);
                    order.Add(key);
                }
                digest.Rows.Add(new DigestRow(plan, window, late));
            }
        }
        return order.Select(key => new PersonalDigest(digests[key].Person, key.Step, digests[key].Rows
                .OrderBy(r => r.Plan.Measure).ThenBy(r => r.Plan.UnitId, StringComparer.Ordinal).ThenBy(r => r.Plan.Period, StringComparer.Ordinal).ToArray()))
            .ToArray();
    }

    /// <summary>A unit's head (who is not also its liaison) is asked to follow up rather than to report; a snooze is always for who pressed it.</summary>
    private static bool FollowsUp(RosterPerson person, ReminderPlan plan) =>
        !ReminderSteps.IsSnooze(plan.Step)
        && person.Memberships.Any(m => m.UnitId == plan.UnitId && m.Role == RosterRole.Head)
        && !person.Memberships.Any(m => m.UnitId == plan.UnitId && m.Role == RosterRole.Liaison);
}
