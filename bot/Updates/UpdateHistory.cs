using GiBot.Localization;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;
using GiBot.Roster;
using GiBot.Storage;

namespace GiBot.Updates;

/// <summary>"第8项进展": each unit's latest update on a measure, newest first, limited to the units the caller may see.</summary>
public sealed class UpdateHistory(MeasureRegistry registry, UpdateCards cards, IProgressUpdateStore updates, IRosterDirectory roster)
{
    public async Task<OutgoingMessage> ShowAsync(TurnContext turn, int measure, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (caller, refusal) = await UpdateCaller.IdentifyAsync(turn, roster, cancellationToken);
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
        // Versions are numbered from 1, so the current version's number is how many there are.
        var entries = latestPerUnit.Select(u => (u, u.Version)).ToList();
        var lines = latestPerUnit.Select(u =>
            $"- **{UpdateLabels.Unit(registry, u.Report.UnitId, language)}**（{u.Report.Period}）{cards.StatusLine(u.Report, language)}：{UpdateCards.Excerpt(u.Report.Progress, language)} _{cards.Meta(u, u.Version, language)}_");
        var text = language.Pick($"第 {measure} 项措施各单位最新进展（由新到旧）：", $"Latest updates on measure {measure}, newest first:") + "\n\n" + string.Join("\n", lines);
        return new OutgoingMessage(text, cards.History(measure, entries, language));
    }
}
