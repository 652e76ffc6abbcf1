using GiBot.Measures.Registry;
using GiBot.Storage;

namespace GiBot.Overview.Export;

/// <summary>
/// The 督办台账 rows: the latest version of every stored update (one per measure, unit and period), plus, when a
/// snapshot is given, a 本期未报送 row for each unit that owes the current period and a 逾期未报 row for each unit that
/// still owes the previous period past its deadline (<see cref="UnitStatus.OverdueEarlier"/>), named for that period. Sorted by measure, then unit in
/// the plan's order, then period.
/// </summary>
public static class LedgerBuilder
{
    public const string NotReported = "本期未报送";

    /// <summary>The status of a row for an earlier period still owed after its deadline.</summary>
    public const string OverdueNotReported = "逾期未报";

    public static IReadOnlyList<LedgerRow> Build(MeasureRegistry registry, IEnumerable<ProgressUpdate> current, OverviewSnapshot? snapshot, TimeSpan utcOffset)
    {
        var unitOrder = registry.Units.Select((u, i) => (u.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var rows = current.Where(u => u.IsCurrent).Select(u => FromUpdate(registry, u, utcOffset)).ToList();
        if (snapshot is not null)
        {
            rows.AddRange(snapshot.Measures.SelectMany(m => m.Units.Where(u => u.IsMissing).Select(u => Missing(m, u))));
            rows.AddRange(snapshot.Measures.SelectMany(m => m.Units.Where(u => u.OverdueEarlier is not null).Select(u => Overdue(m, u))));
        }
        return rows
            .OrderBy(r => r.Measure)
            .ThenBy(r => unitOrder.GetValueOrDefault(r.Unit, int.MaxValue))
            .ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ThenBy(r => r.Period, StringComparer.Ordinal)
            .ToArray();
    }

    private static LedgerRow FromUpdate(MeasureRegistry registry, ProgressUpdate update, TimeSpan utcOffset)
    {
        var r = update.Report;
        var measure = registry.Find(r.Measure);
        var major = r.MajorIssue ? (string.IsNullOrWhiteSpace(r.MajorIssueDescription) ? "是" : $"是：{r.MajorIssueDescription}") : "否";
        return new LedgerRow(r.Measure, Item(measure), measure?.Text ?? "", r.UnitId, r.Status, r.PercentComplete, r.Progress,
            r.Problems ?? "", r.NextSteps ?? "", major, update.SubmittedBy.Name ?? update.SubmittedBy.AadObjectId,
            update.SubmittedAt.ToOffset(utcOffset).DateTime, r.Period);
    }

    private static LedgerRow Missing(MeasureStatus measure, UnitStatus unit) =>
        new(measure.Measure.Number, Item(measure.Measure), measure.Measure.Text, unit.Unit.Name, NotReported, null, "", "", "", "", "", null, measure.Window.Period);

    private static LedgerRow Overdue(MeasureStatus measure, UnitStatus unit) =>
        new(measure.Measure.Number, Item(measure.Measure), measure.Measure.Text, unit.Unit.Name, OverdueNotReported, null, "", "", "", "", "", null, unit.OverdueEarlier!.Period);

    private static string Item(Measure? measure) => measure is null ? "" : $"（{measure.Item.Number}）{measure.Item.Title}";
}
