using System.Text;
using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Turns;
using GiBot.Relay;
using GiBot.Roster.Units;
using GiBot.Storage;

namespace GiBot.Reminders.Sending;

/// <summary>
/// The overdue summary (on a T+1 day, at most one a day) posts in the IP Protection Section channel (the relay's channel): every overdue
/// measure and unit. Chinese only: a channel post has many readers and no one person's language to follow, and the
/// relay's channel posts are Chinese too. Once a day with several instances: the plan is keyed by the Beijing day and
/// the post is reserved before it is made, so like the 1:1 reminders it is at most once (a crash between the
/// reservation and Teams accepting the post loses that day's summary; the next day's lists the same units again).
/// </summary>
public sealed partial class ChannelSummary(
    MeasureRegistry registry,
    UnitCatalog units,
    ReminderPlanner planner,
    IProgressUpdateStore updates,
    IReminderStore reminders,
    RelayTargetResolver targets,
    ChannelPoster poster,
    WorkingHours hours,
    ILogger<ChannelSummary> logger)
{
    /// <summary>The overdue (measure, period, deadline, units not reported) at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<(int Measure, string Period, DateTimeOffset DueAt, IReadOnlyList<string> Units)>> OverdueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var overdue = new List<(int, string, DateTimeOffset, IReadOnlyList<string>)>();
        foreach (var measure in registry.Measures)
        {
            foreach (var window in planner.Windows(measure.Number, now).Where(w => w.IsOverdueAt(now)))
            {
                var reported = await updates.UnitsNotOwingAsync(measure.Number, window.Period, cancellationToken);
                var missing = units.ResponsibleUnits(measure).Select(u => u.Name).Where(u => !reported.Contains(u)).ToArray();
                if (missing.Length > 0)
                {
                    overdue.Add((measure.Number, window.Period, window.DueAt, missing));
                }
            }
        }
        return overdue;
    }

    /// <summary>Posts once; returns null when done (posted, nothing overdue, or no channel set), else the failure to retry on.</summary>
    public async Task<string?> PostAsync(ReminderPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var overdue = await OverdueAsync(now, cancellationToken);
        if (overdue.Count == 0)
        {
            return null;
        }
        if (await targets.ResolveAsync(cancellationToken) is not { } target)
        {
            LogNoChannel(logger, plan.Key);
            return null;
        }
        var recipient = "channel:" + target.ChannelId;
        if (!await reminders.RecordSendAsync(plan.Key, recipient, null, cancellationToken))
        {
            return null;
        }
        var text = new StringBuilder($"**逾期未报汇总（{plan.Period}）**：以下单位尚未提交所列汇报期的进展，截止时间已过。\n\n");
        foreach (var (measure, period, dueAt, missing) in overdue)
        {
            text.Append($"- 第 {measure} 项（{period}，截止 {hours.Format(dueAt)}）：{Units(missing, Language.Chinese)}\n");
        }
        // Only what is true whoever is on the roster: heads are reminded only where the roster names them.
        text.Append("\n逾期单位可私聊 GiBot 发送“汇报第N项”补报；管理员可发送“提醒 N”再次提醒该项措施的未报单位。");
        try
        {
            await poster.StartThreadAsync(target, new OutgoingMessage(text.ToString()), cancellationToken);
            return null;
        }
        catch (ConnectorException e)
        {
            LogPostFailed(logger, e, plan.Key);
            await reminders.ForgetSendAsync(plan.Key, recipient, cancellationToken);
            return $"{(int)e.StatusCode} {e.ErrorCode}";
        }
    }

    /// <summary>The units, with all county/district bureaus said as one group when none of them reported.</summary>
    public string Units(IReadOnlyList<string> missing, Language language)
    {
        var bureaus = units.Units.Where(u => u.Kind == UnitKind.CountyBureau).Select(u => u.Name).ToArray();
        var separator = language.Pick("、", ", ");
        if (bureaus.Length > 1 && bureaus.All(missing.Contains))
        {
            var others = missing.Where(u => !bureaus.Contains(u)).Append(language.Pick($"各县（市）、区市场监督管理局及城乡一体化示范区分局（全部 {bureaus.Length} 个）",
                $"all {bureaus.Length} county/district bureaus and the demonstration-zone branch"));
            return string.Join(separator, others);
        }
        return string.Join(separator, missing);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue summary {PlanKey} not posted: no relay channel is set (relay here)")]
    private static partial void LogNoChannel(ILogger logger, string planKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue summary {PlanKey} not posted; it will be retried")]
    private static partial void LogPostFailed(ILogger logger, Exception exception, string planKey);
}
