using System.Text.Json.Nodes;
using GiBot.Cards;
using GiBot.Localization;
using GiBot.Measures.Cards;
using GiBot.Measures.Registry;

namespace GiBot.Measures.Answers;

/// <summary>Builds the Adaptive Cards of the measures feature from the templates in cards/.</summary>
public sealed class MeasureCards(MeasureRegistry registry)
{
    // Teams shows at most six buttons in a card's action bar.
    private const int MaxActions = 6;

    private readonly string[] _countyNotes = [MeasureLabels.CountyNote(registry, Language.Chinese), MeasureLabels.CountyNote(registry, Language.English)];

    public AdaptiveCard Measure(Measure measure, Language language)
    {
        var actions = registry.InItem(measure.Item).Where(m => m != measure)
            .Select(m => Action(MeasureLabels.MeasureTitle(m.Number, language), MeasureVerbs.ShowData(m.Number, language)))
            .ToList();
        if (actions.Count > 0)
        {
            actions.Add(Action(language.Pick($"{MeasureLabels.ItemShort(measure.Item, language)}全部", $"All of item （{measure.Item.Number}）"),
                MeasureVerbs.ItemData(measure.Item.Number, language)));
        }
        actions.Add(Action(MeasureLabels.ListAllButton(language), MeasureVerbs.ListData(language)));
        // Reporting comes first: it is what the units responsible for the measure come here to do.
        actions.Insert(0, Action(language.Pick("汇报本项进展", "Report progress"), Updates.UpdateVerbs.StartData(measure.Number, language)));
        return Card("measure", new CardValues()
            .Set("lang", LangCode(language))
            .Set("heading", MeasureLabels.MeasureTitle(measure.Number, language))
            .Set("placement", MeasureLabels.Placement(measure, language))
            .Set("blocks", Block(measure, MeasureLabels.TextLabel(language), language, withCountyNote: true))
            .Set("source", MeasureLabels.Source(registry, language, MeasureLabels.MeasurePlace(measure, language)))
            .Set("actions", actions.Take(MaxActions)));
    }

    public AdaptiveCard Item(PlanItem item, IReadOnlyList<Measure> measures, Language language) =>
        Card("measure", new CardValues()
            .Set("lang", LangCode(language))
            .Set("heading", MeasureLabels.Item(item, language))
            .Set("placement", MeasureLabels.Section(item.Section, language))
            .Set("blocks", measures.Select((m, i) => Block(m, MeasureLabels.MeasureTitle(m.Number, language), language, withCountyNote: i == measures.Count - 1)))
            .Set("source", MeasureLabels.Source(registry, language, MeasureLabels.ItemPlace(item, language)))
            .Set("actions", new[]
            {
                Action(language.Pick($"{item.Section.Number}、全部措施", $"All of part {item.Section.Number}"), MeasureVerbs.SectionData(item.Section.Number, language)),
                Action(MeasureLabels.ListAllButton(language), MeasureVerbs.ListData(language)),
            }));

    /// <summary>A compact list: one clickable row per measure, optionally under group headings.</summary>
    /// <param name="note">A line under the heading, e.g. who the county/district bureaus are.</param>
    public AdaptiveCard List(string heading, IEnumerable<(string? Group, Measure Measure)> rows, Unit? owner, Language language, bool offerAll, string? note = null)
    {
        var body = new List<JsonNode>();
        string? currentGroup = null;
        foreach (var (group, measure) in rows)
        {
            if (group is not null && group != currentGroup)
            {
                body.Add(Fragment("measure-list-group", new CardValues().Set("text", group)));
                currentGroup = group;
            }
            var lead = owner is not null && measure.Lead == owner ? language.Pick("（牵头）", " (lead)") : "";
            body.Add(Fragment("measure-list-row", new CardValues()
                .Set("title", MeasureLabels.MeasureTitle(measure.Number, language))
                .Set("data", MeasureVerbs.ShowData(measure.Number, language))
                .Set("text", $"**{measure.Number}.**{lead} {MeasureLabels.Snippet(measure, language)}")
                .Set("owners", MeasureLabels.ShortOwners(measure, language))));
        }
        return Card("measure-list", new CardValues()
            .Set("lang", LangCode(language))
            .Set("heading", heading)
            .Set("hint", (note is null ? "" : note + "\n\n") + language.Pick("点击一行查看该措施的全文和分工。", "Select a row to see the full text and owners."))
            .Set("rows", body)
            .Set("source", MeasureLabels.Source(registry, language))
            .Set("actions", offerAll ? [Action(MeasureLabels.ListAllButton(language), MeasureVerbs.ListData(language))] : Array.Empty<JsonNode>()));
    }

    public AdaptiveCard Notice(string heading, string detail, IEnumerable<(string Title, JsonObject Data)> choices, Language language) =>
        Card("measure-notice", new CardValues()
            .Set("lang", LangCode(language))
            .Set("heading", heading)
            .Set("detail", detail)
            .Set("actions", choices.Take(MaxActions).Select(c => Action(c.Title, c.Data))));

    public static string LangCode(Language language) => language == Language.English ? "en" : "zh";

    // In an item card the note on who the county bureaus are is said once, under the last measure.
    private JsonNode Block(Measure measure, string title, Language language, bool withCountyNote)
    {
        var summary = MeasureLabels.Summary(measure, language);
        return Fragment("measure-block", new CardValues()
            .Set("title", title)
            .Set("text", measure.Text.Replace("\n", "\n\n", StringComparison.Ordinal))
            .Set("summary", summary.Length == 0 ? null : Fragment("measure-summary", new CardValues().Set("text", summary)))
            .Set("unitsLabel", MeasureLabels.UnitsLabel(language))
            .Set("units", measure.Owners.Select(u => Fragment("measure-line", new CardValues().Set("text", "• " + MeasureLabels.OwnerLine(measure, u, language)))))
            .Set("countyNote", withCountyNote && measure.SharedWithCountyBureaus && _countyNotes[(int)language] is { Length: > 0 } note
                ? Fragment("measure-note", new CardValues().Set("text", note))
                : null));
    }

    private static JsonNode Action(string title, JsonObject data) =>
        Fragment("measure-action", new CardValues().Set("title", title).Set("data", data));

    private static JsonObject Fragment(string template, CardValues values) => CardTemplate.Get(template).FillObject(values);

    private static AdaptiveCard Card(string template, CardValues values) => new(CardTemplate.Get(template).FillObject(values));
}
