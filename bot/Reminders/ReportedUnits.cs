using GiBot.Storage;

namespace GiBot.Reminders;

public static class ReportedUnits
{
    /// <summary>The units whose report for the measure's period is stored: they get no reminders and are not overdue.</summary>
    public static async Task<IReadOnlySet<string>> ReportedUnitsAsync(this IProgressUpdateStore updates, int measure, string period, CancellationToken cancellationToken) =>
        (await updates.ListCurrentAsync(new UpdateQuery(measure, null, period), cancellationToken)).Select(u => u.Report.UnitId).ToHashSet(StringComparer.Ordinal);
}
