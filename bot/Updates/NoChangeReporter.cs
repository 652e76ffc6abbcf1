using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;
using GiBot.Relay;
using GiBot.Reminders;
using GiBot.Reminders.Schedule;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Updates;

/// <summary>
/// 本期无新进展: a unit says nothing changed this period. The latest status and percentage carry over, and the
/// report is stored and relayed like any other. The reminder card's button and the typed "第8项本期无新进展"
/// both come here, under one submission key per measure, unit and period, so saying it twice stores it once.
/// </summary>
public sealed class NoChangeReporter(
    IProgressUpdateStore updates,
    IRosterDirectory roster,
    IReportingSchedule schedule,
    MeasureRegistry registry,
    UpdateDialog dialog,
    TimeProvider time)
{
    /// <summary>Typed: the caller's unit for the measure, the period open now.</summary>
    public async Task<OutgoingMessage> TypedAsync(TurnContext turn, int? measure, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (measure is not { } number)
        {
            return new OutgoingMessage(language.Pick("请写明是哪一项措施，例如：第8项本期无新进展。", "Which measure? For example: no news on measure 8."));
        }
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, UpdateAsk.Report, cancellationToken);
        if (caller is null)
        {
            return new OutgoingMessage(refusal!);
        }
        if (caller.MeasureRefusal(number, registry, language) is { } notYours)
        {
            return new OutgoingMessage(notYours);
        }
        if (caller.UnitsFor(number) is not [var unit])
        {
            var units = string.Join(language.Pick("、", ", "), caller.UnitsFor(number).Select(u => UpdateLabels.UnitName(registry, u, language)));
            return new OutgoingMessage(language.Pick(
                $"您可以代表多个单位（{units}）汇报第 {number} 项措施，请发送“汇报第{number}项”在卡片中选择单位，或在该单位的提醒卡片上点击“本期无新进展”。",
                $"You may report on measure {number} for several units ({units}). Send \"update {number}\" and choose the unit on the card, or press \"No news this period\" on that unit's reminder."));
        }
        return (await ReportAsync(caller, number, unit, schedule.Current(number, time.GetUtcNow()).Period, language, cancellationToken)).Message;
    }

    /// <summary>Stores and relays the no-change report, unless the unit already reported the period.</summary>
    public async Task<UpdateReply> ReportAsync(UpdateCaller caller, int measure, string unit, string period, Language language, CancellationToken cancellationToken)
    {
        if ((await updates.ReportedUnitsAsync(measure, period, cancellationToken)).Contains(unit))
        {
            // A report of this period exists (perhaps a real one from a colleague): "no news" must not replace it.
            return UpdateReply.Say(new OutgoingMessage(language.Pick(
                $"{unit}已提交第 {measure} 项措施本期（{period}）的进展，无需再报“无新进展”。如需修改，请发送“汇报第{measure}项”。",
                $"Measure {measure} has already been reported for this period ({period}), so there is no need to send \"no news\". To change the report, send \"update {measure}\".")));
        }
        var previous = (await updates.ListCurrentAsync(new UpdateQuery(measure, unit), cancellationToken)).FirstOrDefault()?.Report;
        var report = new ProgressReport(measure, unit, period, previous?.Status ?? UpdateStatus.InProgress, previous?.PercentComplete,
            language.Pick("本期无新进展。", "No news this period."), null, null, false, null, null);
        var key = $"nochange/{measure}/{unit}/{period}";
        var by = new Submitter(caller.AadObjectId, caller.Name);
        var result = await updates.SubmitAsync(report, by, key,
            RelayOutboxMessages.For(new RelayUpdatePayload(key, report, by, time.GetUtcNow(), false, language.Tag())), cancellationToken);
        return await dialog.ReceiptAsync(result.Update!, caller, language, cancellationToken);
    }
}
