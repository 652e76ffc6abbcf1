using GiBot.Measures.Registry;
using GiBot.Reminders.Schedule;
using GiBot.Roster.Units;
using GiBot.Storage;

namespace GiBot.Overview;

/// <summary>
/// Builds an <see cref="OverviewSnapshot"/> from the stored updates (latest versions), the unit catalogue
/// (who owns which measure) and the reporting schedule (current period and deadline of each measure).
/// </summary>
public sealed class OverviewBuilder(IProgressUpdateStore updates, UnitCatalog units, IReportingSchedule schedule, RagRule rule, TimeProvider time)
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
            measures.Add(new MeasureStatus(measure, window, responsible.Select(unit =>
            {
                var reports = byMeasureUnit[(measure.Number, unit.Name)].ToArray();
                // The newest period first: a late report for an earlier period must not hide the current one.
                var latest = reports.OrderByDescending(r => r.Report.Period, StringComparer.Ordinal).ThenByDescending(r => r.SubmittedAt).FirstOrDefault();
                var reported = reports.Any(r => r.Report.Period == window.Period);
                return new UnitStatus(unit, latest, reported, rule.Evaluate(latest?.Report, reported, window, now), reports.Select(r => (DateTimeOffset?)r.SubmittedAt).Max());
            }).ToArray()));
        }
        return new OverviewSnapshot(now, measures, unitFilter);
    }
}
