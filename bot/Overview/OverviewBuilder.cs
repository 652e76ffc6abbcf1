using GiBot.Measures.Registry;
using GiBot.Reminders.Schedule;
using GiBot.Roster.Units;
using GiBot.Storage;
using GiBot.Updates;

namespace GiBot.Overview;

/// <summary>
/// Builds an <see cref="OverviewSnapshot"/> from the stored updates (latest versions, one query), the unit catalogue
/// (who owns which measure) and the reporting schedule (current period and deadline of each measure).
/// </summary>
/// <remarks>
/// Besides the current period, each measure's previous period is checked: a unit that never reported it, past its
/// deadline, and has not finished the measure (<see cref="OwedReports"/>) stays overdue until it reports that period
/// late. Only the previous period, as in the channel's overdue summary and 提醒计划 (<c>ReminderPlanner.Windows</c>),
/// so the overview and those never disagree about who is late.
/// </remarks>
public sealed class OverviewBuilder(IProgressUpdateStore updates, UnitCatalog units, ConfiguredReportingSchedule schedule, RagRule rule, TimeProvider time)
{
    public async Task<OverviewSnapshot> BuildAsync(Unit? unitFilter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = await updates.ListCurrentAsync(new UpdateQuery(UnitId: unitFilter?.Name), cancellationToken);
        var byMeasureUnit = current.ToLookup(u => (u.Report.Measure, u.Report.UnitId));
        var measures = new List<MeasureStatus>();
        foreach (var measure in units.Registry.Measures)
        {
            var responsible = units.ResponsibleUnits(measure).Where(u => unitFilter is null || u == unitFilter).ToArray();
            if (responsible.Length == 0)
            {
                continue;
            }
            var window = schedule.Current(measure.Number, now);
            var previous = schedule.Previous(window) is { } before && before.IsOverdueAt(now) ? before : null;
            measures.Add(new MeasureStatus(measure, window, responsible.Select(unit =>
            {
                var reports = byMeasureUnit[(measure.Number, unit.Name)].ToArray();
                var latest = OwedReports.Latest(reports);
                var reported = reports.Any(r => r.Report.Period == window.Period);
                var owed = previous is not null && OwedReports.Owes(reports, previous.Period) ? previous : null;
                return new UnitStatus(unit, latest, reported, rule.Evaluate(latest?.Report, reported, window, now, owed is not null),
                    reports.Select(r => (DateTimeOffset?)r.SubmittedAt).Max(), owed);
            }).ToArray()));
        }
        return new OverviewSnapshot(now, measures, unitFilter);
    }
}
