using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Reminders.Schedule;
using GiBot.Reminders.Sending;
using GiBot.Roster;
using GiBot.Roster.Units;
using GiBot.Storage;

namespace GiBot.Reminders.Nudges;

/// <summary>
/// An admin's "提醒 N": plans a nudge of the liaisons of measure N's units that have not reported, and answers with
/// what will really happen. A liaison the bot has no personal chat with cannot be messaged, so they are named (with
/// what to do) instead of being counted as nudged, and a unit none of whose liaisons can be reached is not planned at
/// all (it would only spend the unit's hourly nudge). The plan carries the requester, who is told later should Teams
/// refuse the message (<see cref="NudgeRefusalNotice"/>).
/// </summary>
public sealed class ManualNudge(
    ReminderOptions options,
    ConfiguredReportingSchedule schedule,
    WorkingHours hours,
    MeasureRegistry registry,
    UnitCatalog units,
    IRosterDirectory roster,
    IReminderStore reminders,
    IProgressUpdateStore updates,
    IConversationReferenceStore references,
    ReminderScheduler scheduler,
    TimeProvider time)
{
    public async Task<string> NudgeAsync(int measure, string requesterAadObjectId, Language language, CancellationToken cancellationToken)
    {
        if (registry.Find(measure) is not { } found)
        {
            return language.Pick($"分工方案共有 {MeasureRegistry.MeasureCount} 项措施，没有第 {measure} 项。请发送例如“提醒 8”。",
                $"The plan has {MeasureRegistry.MeasureCount} measures; there is no measure {measure}. Send e.g. \"remind 8\".");
        }
        var now = time.GetUtcNow();
        var window = schedule.Current(measure, now);
        var reported = await updates.UnitsNotOwingAsync(measure, window.Period, cancellationToken);
        // Planned for when it can go out, so two nudges asked for in one night are one nudge in the morning.
        var at = hours.NextOpen(now);
        var recent = (await reminders.ListDueBetweenAsync(now - options.ManualNudgeInterval, at.AddMinutes(1), cancellationToken))
            .Where(r => r.Plan.Measure == measure && ReminderSteps.IsManual(r.Plan.Step)).ToArray();
        var reply = new NudgeReply(measure, window.Period) { Reported = reported, GoesOutAt = at != now ? hours.Format(at) : null, Interval = options.ManualNudgeInterval };
        var unreachable = new Dictionary<string, (string Name, List<string> Units)>(StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in units.ResponsibleUnits(found).Select(u => u.Name).Where(u => !reported.Contains(u)))
        {
            if (recent.Where(r => r.Plan.UnitId == unit).MaxBy(r => r.Plan.DueAt) is { } last)
            {
                reply.Waiting.Add((unit, hours.Format(last.Plan.DueAt + options.ManualNudgeInterval)));
                continue;
            }
            var liaisons = await roster.MembersOfUnitAsync(unit, [RosterRole.Liaison], cancellationToken);
            if (liaisons.Count == 0)
            {
                reply.NoLiaison.Add(unit);
                continue;
            }
            var reachable = new List<string>();
            foreach (var liaison in liaisons)
            {
                if (await references.FindPersonalChatAsync(liaison.AadObjectId, cancellationToken) is not null)
                {
                    reachable.Add(RosterDirectory.DisplayName(liaison));
                    reached.Add(liaison.AadObjectId);
                }
                else if (unreachable.TryGetValue(liaison.AadObjectId, out var known))
                {
                    known.Units.Add(unit);
                }
                else
                {
                    unreachable[liaison.AadObjectId] = (RosterDirectory.DisplayName(liaison), [unit]);
                }
            }
            if (reachable.Count == 0)
            {
                reply.NoneReachable.Add(unit);
                continue;
            }
            await reminders.PlanAsync(new ReminderPlan(measure, unit, window.Period, ReminderSteps.Manual(at), at, requesterAadObjectId), cancellationToken);
            reply.Nudged.Add((unit, reachable));
        }
        reply.PeopleReached = reached.Count;
        reply.Unreachable.AddRange(unreachable.Values.Select(u => new UnreachableLiaison(u.Name, u.Units)));
        if (reply.Nudged.Count > 0)
        {
            scheduler.Wake();
        }
        return reply.Text(language);
    }
}
