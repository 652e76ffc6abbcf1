using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Updates;

/// <summary>"第8项进展": each unit's latest update on a measure, newest first, limited to the units the caller may see.</summary>
public sealed class UpdateHistory(MeasureRegistry registry, UpdateCards cards, IProgressUpdateStore updates, IRosterDirectory roster)
{
    /// <summary>Units listed at most: with their excerpts, text and card stay well within Teams' message size limit.</summary>
    public const int MaxUnits = 10;

    public async Task<OutgoingMessage> ShowAsync(TurnContext turn, int measure, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, UpdateAsk.View, cancellationToken);
        if (caller is null)
        {
            return new OutgoingMessage(refusal!);
        }
        if (registry.Find(measure) is null)
        {
            return new OutgoingMessage(caller.MeasureRefusal(measure, registry, language)!);
        }
        var latestPerUnit = new List<ProgressUpdate>();
        foreach (var update in await updates.ListCurrentAsync(new UpdateQuery(Measure: measure), cancellationToken))
        {
            if (latestPerUnit.All(u => u.Report.UnitId != update.Report.UnitId)
                && (await caller.Roster.CanSeeUnitAsync(caller.AadObjectId, update.Report.UnitId, cancellationToken)).Allowed)
            {
                latestPerUnit.Add(update);
            }
        }
        if (latestPerUnit.Count == 0)
        {
            return new OutgoingMessage(language.Pick(
                $"第 {measure} 项措施还没有您可查看的进展汇报。负责单位可发送“汇报第{measure}项”提交。",
                $"There are no updates on measure {measure} that you can see yet. A responsible unit can send \"update {measure}\" to report."));
        }
        // A measure every unit shares (20: over twenty units) would make a message Teams refuses: the newest are listed.
        var shown = latestPerUnit.Take(MaxUnits).ToList();
        var more = latestPerUnit.Count > MaxUnits ? MoreLine(measure, latestPerUnit.Count - MaxUnits, caller.Person.IsHeadOrAdmin, language) : null;
        // Versions are numbered from 1, so the current version's number is how many there are.
        var entries = shown.Select(u => (u, u.Version)).ToList();
        var lines = shown.Select(u =>
            $"- **{UpdateLabels.Unit(registry, u.Report.UnitId, language)}**{language.Pick($"（{u.Report.Period}）", $" ({u.Report.Period}) ")}{cards.StatusLine(u.Report, language)} · "
            + $"{UpdateLabels.Field(UpdateFields.Progress, language)}{UpdateCards.Colon(language)}{UpdateCards.Excerpt(u.Report.Progress, language)} _{cards.Meta(u, u.Version, language)}_");
        var text = language.Pick($"第 {measure} 项措施各单位最新进展（由新到旧）：", $"Latest updates on measure {measure}, newest first:") + "\n\n" + string.Join("\n", lines)
            + (more is null ? "" : "\n\n" + more);
        return new OutgoingMessage(text, cards.History(measure, entries, more, language));
    }

    /// <summary>What is left out and where heads and admins see it all (the overview and the ledger are theirs only).</summary>
    private static string MoreLine(int measure, int more, bool headOrAdmin, Language language) => headOrAdmin
        ? language.Pick(
            $"另有 {more} 个单位的进展未列出（只列出最近汇报的 {MaxUnits} 个单位）。发送“总览 {measure}”查看全部单位的状态，发送“导出台账”查看每条进展的全文。",
            $"{more} more units' updates are not listed (only the {MaxUnits} most recent are). Send \"overview {measure}\" for every unit's status, or \"export\" for the full text of every update.")
        : language.Pick(
            $"另有 {more} 个单位的进展未列出（只列出最近汇报的 {MaxUnits} 个单位）。如需查看全部，请联系单位负责人或知识产权保护科管理员。",
            $"{more} more units' updates are not listed (only the {MaxUnits} most recent are). To see them all, ask a unit head or the IP Protection Section administrators.");
}
