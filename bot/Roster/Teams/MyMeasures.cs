using System.Text.Json.Nodes;
using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Protocol.Turns;
using GiBot.Roster.Units;
using GiBot.Storage;

namespace GiBot.Roster.Teams;

/// <summary>
/// "我的措施": the measures of the user's units and, where an update exists, its latest status; "我的措施 温县" shows
/// one of those units.
/// </summary>
public sealed class MyMeasures(RosterDirectory directory, UnitCatalog units, IProgressUpdateStore updates)
{
    /// <summary>
    /// Measure rows listed at most (a unit's are listed whole; the first unit's always are): a county bureau owns all
    /// 20 measures, and two such units would make a message Teams refuses. A unit left out is named with how to see it.
    /// </summary>
    public const int MaxRows = 24;

    public async Task<OutgoingMessage> AnswerAsync(TurnContext turn, string? unitText, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var person = turn.UserAadObjectId is { } aad ? await directory.FindAsync(aad, cancellationToken) : null;
        if (person is null)
        {
            var refusal = await directory.NotOnRosterAsync(cancellationToken);
            return new OutgoingMessage(refusal.Reason(language)!);
        }
        var unitIds = person.UnitIds;
        if (unitText is not null)
        {
            if (units.Resolve(unitText) is not { } named || !unitIds.Contains(named.Name, StringComparer.Ordinal))
            {
                return new OutgoingMessage(language.Pick(
                    $"“{MarkdownText.Literal(unitText)}”不是您所在的单位。您所在的单位：{string.Join("、", unitIds.Select(u => Name(u, language)))}。发送“我的措施”查看全部。",
                    $"\"{MarkdownText.Literal(unitText)}\" is not one of your units ({string.Join("; ", unitIds.Select(u => Name(u, language)))}). Send \"my measures\" to see them all."));
            }
            unitIds = [named.Name];
        }
        var text = new List<string> { language.Pick("**我的措施**", "**My measures**") };
        var body = new List<JsonNode>();
        var actions = new List<JsonNode>();
        var rows = 0;
        foreach (var unitId in unitIds)
        {
            var roles = string.Join(language.Pick("、", ", "), person.Memberships.Where(m => m.UnitId == unitId).Select(m => RosterRoles.Display(m.Role, language)));
            var heading = language.Pick($"{Name(unitId, language)}（{roles}）", $"{Name(unitId, language)} ({roles})");
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
            if (rows > 0 && rows + measures.Count > MaxRows)
            {
                var name = Name(unitId, language);
                var left = language.Pick(
                    $"负责 {measures.Count} 项措施，此处未逐项列出。发送“我的措施 {name}”查看各项措施及其最新进展。",
                    $"{measures.Count} measures, not listed here. Send \"my measures {name}\" to see them with their latest updates.");
                text.Add(left);
                body.Add(RosterCards.Text(left));
                actions.Add(RosterCards.Action(language.Pick($"查看{name}的措施", $"Measures of {name}"), UnitData(unitId, language)));
                continue;
            }
            rows += measures.Count;
            foreach (var measure in measures)
            {
                var latest = (await updates.ListCurrentAsync(new UpdateQuery(Measure: measure.Number, UnitId: unitId), cancellationToken)).FirstOrDefault();
                var status = latest is null
                    ? language.Pick("尚无进展报送", "No update yet")
                    : language.Pick(
                        $"最新进展（{latest.Report.Period}）：{latest.Report.Status}{Percent(latest.Report.PercentComplete)}，{latest.SubmittedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}",
                        $"Latest update ({latest.Report.Period}): {Updates.UpdateStatus.Label(latest.Report.Status, language)}{Percent(latest.Report.PercentComplete)}, {latest.SubmittedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}");
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
            language.Pick("点击一行查看该措施的全文和分工。", "Select a row to see the full text and owners."), body, actions, language);
        return new OutgoingMessage(string.Join("\n", text), card) { TextOnlyWithoutCards = false };
    }

    private string Name(string unitId, Language language) => units.Find(unitId) is { } unit ? language.Pick(unit.Name, unit.NameEn) : unitId;

    private static JsonObject UnitData(string unitId, Language language)
    {
        var data = RosterVerbs.Data(RosterVerbs.MyMeasures, language);
        data["unit"] = unitId;
        return data;
    }

    private static string Percent(int? percent) => percent is null ? "" : $" {percent}%";
}
