using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Protocol.Turns;
using GiBot.Roster.Units;
using GiBot.Storage;

namespace GiBot.Roster.Teams;

/// <summary>"我的措施": the measures of the user's units and, where an update exists, its latest status.</summary>
public sealed class MyMeasures(RosterDirectory directory, UnitCatalog units, IProgressUpdateStore updates)
{
    public async Task<OutgoingMessage> AnswerAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var person = turn.UserAadObjectId is { } aad ? await directory.FindAsync(aad, cancellationToken) : null;
        if (person is null)
        {
            var refusal = await directory.NotOnRosterAsync(cancellationToken);
            return new OutgoingMessage(refusal.Reason(language)!);
        }
        var text = new List<string> { language.Pick("**我的措施**", "**My measures**") };
        var body = new List<System.Text.Json.Nodes.JsonNode>();
        foreach (var unitId in person.UnitIds)
        {
            var unit = units.Find(unitId);
            var roles = string.Join(language.Pick("、", ", "), person.Memberships.Where(m => m.UnitId == unitId).Select(m => RosterRoles.Display(m.Role, language)));
            var heading = $"{(unit is null ? unitId : language.Pick(unit.Name, unit.NameEn))}（{roles}）";
            var measures = units.MeasuresOwnedBy(unitId);
            text.Add("");
            text.Add($"**{heading}**");
            body.Add(RosterCards.Group(heading));
            if (measures.Count == 0)
            {
                var none = language.Pick("本单位在方案中没有列明的措施。", "The plan names no measure for this unit.");
                text.Add(none);
                body.Add(RosterCards.Text(none));
                continue;
            }
            foreach (var measure in measures)
            {
                var latest = (await updates.ListCurrentAsync(new UpdateQuery(Measure: measure.Number, UnitId: unitId), cancellationToken)).FirstOrDefault();
                var status = latest is null
                    ? language.Pick("尚无进展报送", "No update yet")
                    : language.Pick(
                        $"最新进展（{latest.Report.Period}）：{latest.Report.Status}{Percent(latest.Report.PercentComplete)}，{latest.SubmittedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}",
                        $"Latest update ({latest.Report.Period}): {latest.Report.Status}{Percent(latest.Report.PercentComplete)}, {latest.SubmittedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}");
                var line = $"**{measure.Number}.** {MeasureLabels.Snippet(measure, language)}";
                var owners = MeasureLabels.ShortOwners(measure, language);
                text.Add($"- {line}  \n  {owners}  \n  {status}");
                body.Add(RosterCards.Fragment("roster-measure-row", new Measures.Cards.CardValues()
                    .Set("title", MeasureLabels.MeasureTitle(measure.Number, language))
                    .Set("data", MeasureVerbs.ShowData(measure.Number, language))
                    .Set("text", line)
                    .Set("owners", owners)
                    .Set("status", status)));
            }
        }
        var card = RosterCards.Card(language.Pick("我的措施", "My measures"),
            language.Pick("点击一行查看该措施的全文和分工。", "Select a row to see the full text and owners."), body, [], language);
        return new OutgoingMessage(string.Join("\n", text), card) { TextOnlyWithoutCards = false };
    }

    private static string Percent(int? percent) => percent is null ? "" : $" {percent}%";
}
