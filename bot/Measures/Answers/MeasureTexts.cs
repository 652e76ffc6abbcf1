using System.Text;
using GiBot.Localization;
using GiBot.Measures.Registry;

namespace GiBot.Measures.Answers;

/// <summary>The same answers as the cards, as Markdown text for clients that do not render cards.</summary>
public sealed class MeasureTexts(MeasureRegistry registry)
{
    private readonly string[] _countyNotes = [MeasureLabels.CountyNote(registry, Language.Chinese), MeasureLabels.CountyNote(registry, Language.English)];

    public string Measure(Measure measure, Language language)
    {
        var text = new StringBuilder();
        text.Append("**").Append(MeasureLabels.MeasureTitle(measure.Number, language)).Append("**\n\n");
        text.Append(MeasureLabels.Placement(measure, language)).Append("\n\n");
        AppendBody(text, measure, language, withCountyNote: true);
        AppendSource(text, MeasureLabels.Source(registry, language, MeasureLabels.MeasurePlace(measure, language)));
        return text.ToString().TrimEnd();
    }

    public string Item(PlanItem item, IReadOnlyList<Measure> measures, Language language)
    {
        var text = new StringBuilder();
        text.Append("**").Append(MeasureLabels.Item(item, language)).Append("**\n\n");
        text.Append(MeasureLabels.Section(item.Section, language)).Append("\n\n");
        for (var i = 0; i < measures.Count; i++)
        {
            text.Append("**").Append(MeasureLabels.MeasureTitle(measures[i].Number, language)).Append("**\n\n");
            AppendBody(text, measures[i], language, withCountyNote: i == measures.Count - 1);
        }
        AppendSource(text, MeasureLabels.Source(registry, language, MeasureLabels.ItemPlace(item, language)));
        return text.ToString().TrimEnd();
    }

    public string List(string heading, IEnumerable<(string? Group, Measure Measure)> rows, Unit? owner, Language language, string? note = null)
    {
        var text = new StringBuilder();
        text.Append("**").Append(heading).Append("**\n\n");
        if (note is not null)
        {
            text.Append(note).Append("\n\n");
        }
        string? currentGroup = null;
        foreach (var (group, measure) in rows)
        {
            if (group is not null && group != currentGroup)
            {
                text.Append('\n').Append(group).Append("\n\n");
                currentGroup = group;
            }
            var lead = owner is not null && measure.Lead == owner ? language.Pick("（牵头）", " (lead)") : "";
            text.Append("- **").Append(measure.Number).Append(".**").Append(lead).Append(' ')
                .Append(MeasureLabels.Snippet(measure, language))
                .Append(language.Pick("——", " — ")).Append(MeasureLabels.ShortOwners(measure, language)).Append('\n');
        }
        text.Append('\n');
        AppendSource(text, MeasureLabels.Source(registry, language));
        return text.ToString().TrimEnd();
    }

    private static void AppendSource(StringBuilder text, string source) => text.Append('_').Append(source).Append('_');

    private void AppendBody(StringBuilder text, Measure measure, Language language, bool withCountyNote)
    {
        text.Append(measure.Text.Replace("\n", "\n\n", StringComparison.Ordinal)).Append("\n\n");
        if (MeasureLabels.Summary(measure, language) is { Length: > 0 } summary)
        {
            text.Append('_').Append(summary).Append("_\n\n");
        }
        text.Append("**").Append(MeasureLabels.UnitsLabel(language)).Append("**\n\n");
        foreach (var unit in measure.Owners)
        {
            text.Append("- ").Append(MeasureLabels.OwnerLine(measure, unit, language)).Append('\n');
        }
        if (withCountyNote && measure.SharedWithCountyBureaus && _countyNotes[(int)language] is { Length: > 0 } note)
        {
            text.Append('\n').Append(note).Append('\n');
        }
        text.Append('\n');
    }
}
