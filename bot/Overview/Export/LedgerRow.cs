namespace GiBot.Overview.Export;

/// <summary>
/// One row of the 督办台账: one measure, unit and period. <see cref="Status"/> is 本期未报送 for a unit that owes
/// the current period's report, 逾期未报 for one that still owes the previous period after its deadline; then the
/// report fields are empty. <see cref="SubmittedAt"/> is local (Beijing) wall time.
/// </summary>
public sealed record LedgerRow(
    int Measure,
    string Item,
    string MeasureText,
    string Unit,
    string Status,
    int? Percent,
    string Progress,
    string Problems,
    string NextSteps,
    string MajorIssue,
    string SubmittedBy,
    DateTime? SubmittedAt,
    string Period)
{
    /// <summary>The column titles, in order; the last (报送期) is what makes a row one per period.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["序号", "举措", "具体措施", "责任单位", "状态", "完成率", "工作进展", "存在问题", "下步计划", "重大问题", "提交人", "提交时间", "报送期"];

    /// <summary>The cells as text, in <see cref="Headers"/> order (完成率 as e.g. <c>60%</c>, 提交时间 as <c>2026-11-20 10:00</c>).</summary>
    public IReadOnlyList<string> Texts() =>
    [
        Measure.ToString(System.Globalization.CultureInfo.InvariantCulture), Item, MeasureText, Unit, Status,
        Percent is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%" : "",
        Progress, Problems, NextSteps, MajorIssue, SubmittedBy,
        SubmittedAt is { } at ? at.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "", Period,
    ];
}
