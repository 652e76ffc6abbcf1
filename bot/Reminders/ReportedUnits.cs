using GiBot.Storage;

namespace GiBot.Reminders;

public static class ReportedUnits
{
    /// <summary>The units whose report for the measure's period is stored.</summary>
    public static async Task<IReadOnlySet<string>> ReportedUnitsAsync(this IProgressUpdateStore updates, int measure, string period, CancellationToken cancellationToken) =>
        (await updates.ListCurrentAsync(new UpdateQuery(measure, null, period), cancellationToken)).Select(u => u.Report.UnitId).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The units that owe no report for the measure's period, so get no reminders and are not overdue: they reported it,
    /// or their latest report says 已完成 (the overview's rule: finished units are not asked).
    /// </summary>
    public static async Task<IReadOnlySet<string>> UnitsNotOwingAsync(this IProgressUpdateStore updates, int measure, string period, CancellationToken cancellationToken)
    {
        var all = await updates.ListCurrentAsync(new UpdateQuery(measure, null, null), cancellationToken);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in all.GroupBy(u => u.Report.UnitId, StringComparer.Ordinal))
        {
            if (!Updates.OwedReports.Owes(unit.ToArray(), period))
            {
                done.Add(unit.Key);
            }
        }
        return done;
    }
}
