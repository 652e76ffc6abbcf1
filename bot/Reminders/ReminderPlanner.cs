using System.Collections.Concurrent;
using GiBot.Measures.Registry;
using GiBot.Reminders.Schedule;
using GiBot.Roster;
using GiBot.Roster.Units;
using GiBot.Storage;

namespace GiBot.Reminders;

/// <summary>
/// Writes the ladder's plans for the previous, current and next period of every measure, for each
/// responsible unit that has people to remind and has not reported. Keys make this idempotent across
/// ticks and instances; steps already past when first planned are not planned (no burst on first start),
/// while plans that exist and fall due during downtime are caught up by the sender.
/// </summary>
public sealed class ReminderPlanner(
    ReminderOptions options,
    ConfiguredReportingSchedule schedule,
    WorkingDayCalendar calendar,
    WorkingHours hours,
    MeasureRegistry registry,
    UnitCatalog units,
    IRosterDirectory roster,
    IProgressUpdateStore updates,
    IReminderStore reminders)
{
    // Plans written by this process, with when they fall due. Steps already past are never planned again,
    // so entries are dropped once their time has passed: the record stays as small as the ladder ahead.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _planned = new(StringComparer.Ordinal);

    /// <summary>How many plans this process remembers having written (those still ahead).</summary>
    public int RememberedPlans => _planned.Count;

    /// <summary>The windows reminders are planned for now.</summary>
    public IEnumerable<ReportingWindow> Windows(int measure, DateTimeOffset now)
    {
        var current = schedule.Current(measure, now);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var window in new[] { schedule.Previous(current), current, schedule.Next(current) })
        {
            if (window is not null && seen.Add(window.Period))
            {
                yield return window;
            }
        }
    }

    /// <summary>When a rung of the ladder is due for a window (Beijing working days, moved into working hours).</summary>
    public DateTimeOffset StepTime(ReportingWindow window, LadderStep step)
    {
        var dueDay = hours.LocalDay(window.DueAt);
        var day = step.WorkingDays == 0 ? dueDay : calendar.AddWorkingDays(dueDay, step.WorkingDays);
        return hours.NextOpen(hours.At(day, step.At));
    }

    public async Task<int> PlanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (key, at) in _planned)
        {
            if (at < now)
            {
                _planned.TryRemove(key, out _);
            }
        }
        var planned = 0;
        var hasPeople = new Dictionary<(string Unit, string Step), bool>();
        foreach (var measure in registry.Measures)
        {
            var responsible = units.ResponsibleUnits(measure);
            foreach (var window in Windows(measure.Number, now))
            {
                var steps = options.Ladder.Select(s => (Step: s, At: StepTime(window, s))).Where(s => s.At >= now).ToArray();
                var targets = new List<(LadderStep Step, DateTimeOffset At, string Unit)>();
                foreach (var (step, at) in steps)
                {
                    foreach (var unit in responsible)
                    {
                        if (!hasPeople.TryGetValue((unit.Name, step.Name), out var any))
                        {
                            any = hasPeople[(unit.Name, step.Name)] = (await roster.MembersOfUnitAsync(unit.Name, step.Roles, cancellationToken)).Count > 0;
                        }
                        if (any)
                        {
                            targets.Add((step, at, unit.Name));
                        }
                    }
                }
                if (targets.Count == 0)
                {
                    // Nobody to remind (an empty roster): no queries, no plans, and no channel summary either.
                    continue;
                }
                var reported = await updates.UnitsNotOwingAsync(measure.Number, window.Period, cancellationToken);
                foreach (var (step, at, unit) in targets.Where(t => !reported.Contains(t.Unit)))
                {
                    if (await PlanOnceAsync(new ReminderPlan(measure.Number, unit, window.Period, step.Name, at), cancellationToken))
                    {
                        planned++;
                    }
                }
                foreach (var (step, at) in steps.Where(s => s.Step.ChannelSummary))
                {
                    if (responsible.Any(u => !reported.Contains(u.Name))
                        && await PlanOnceAsync(new ReminderPlan(0, ReminderSteps.ChannelUnit, PeriodKeys.OneOff(hours.LocalDay(at)), ReminderSteps.Summary, at), cancellationToken))
                    {
                        planned++;
                    }
                }
            }
        }
        return planned;
    }

    private async Task<bool> PlanOnceAsync(ReminderPlan plan, CancellationToken cancellationToken)
    {
        if (_planned.ContainsKey(plan.Key))
        {
            return false;
        }
        var created = await reminders.PlanAsync(plan, cancellationToken);
        _planned.TryAdd(plan.Key, plan.DueAt);
        return created;
    }
}
