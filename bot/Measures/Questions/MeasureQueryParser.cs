using GiBot.Measures.Registry;

namespace GiBot.Measures.Questions;

/// <summary>
/// Turns a question into a <see cref="MeasureQuery"/>. Pure: no I/O, no clock, no state between calls.
/// Order of precedence: section, item, title of an item or section, measure number, unit, "all measures",
/// an ambiguous short name, words of the texts. Anything else is <see cref="NotUnderstood"/>.
/// </summary>
public sealed class MeasureQueryParser
{
    private static readonly NotUnderstood Nothing = new();

    private readonly MeasureRegistry _registry;
    private readonly UnitMatcher _units;
    private readonly KeywordIndex _keywords;
    private readonly (string Title, PlanItem Item)[] _itemTitles;
    private readonly (string Title, PlanSection Section)[] _sectionTitles;

    public MeasureQueryParser(MeasureRegistry registry)
    {
        _registry = registry;
        _units = new UnitMatcher(registry);
        _keywords = new KeywordIndex(registry);
        _itemTitles = registry.Items.Select(i => (QuestionText.Normalize(i.Title), i)).ToArray();
        _sectionTitles = registry.Sections.Select(s => (QuestionText.Normalize(s.Title), s)).ToArray();
    }

    public MeasureQuery Parse(string? question)
    {
        var text = QuestionText.Normalize(question);
        if (text.Length == 0)
        {
            return Nothing;
        }
        return BySection(text) ?? ByItem(text) ?? ByTitle(text) ?? ByNumber(text) ?? ByUnitOrWords(text);
    }

    private MeasureQuery? BySection(string text)
    {
        if (NumberPatterns.Section(text) is not { } value)
        {
            return null;
        }
        var section = _registry.FindSection(ChineseNumerals.Format(value));
        return section is null
            ? new PartOutOfRange(ChineseNumerals.Format(value), IsSection: true)
            : new ListSection(section, _registry.InSection(section));
    }

    private MeasureQuery? ByItem(string text)
    {
        if (NumberPatterns.Item(text) is not { } value)
        {
            return null;
        }
        var item = _registry.FindItem(ChineseNumerals.Format(value));
        return item is null ? new PartOutOfRange(ChineseNumerals.Format(value), IsSection: false) : ShowItem(item);
    }

    private MeasureQuery? ByTitle(string text)
    {
        foreach (var (title, item) in _itemTitles)
        {
            if (text.Contains(title, StringComparison.Ordinal))
            {
                return ShowItem(item);
            }
        }
        foreach (var (title, section) in _sectionTitles)
        {
            if (text.Contains(title, StringComparison.Ordinal))
            {
                return new ListSection(section, _registry.InSection(section));
            }
        }
        return null;
    }

    private MeasureQuery? ByNumber(string text)
    {
        if (NumberPatterns.BareChineseNumeral(text) is { } bare)
        {
            // "八" alone: measure 8 or item （八）? Ask rather than guess.
            var measure = _registry.Find(bare);
            var item = _registry.FindItem(ChineseNumerals.Format(bare));
            return (measure, item) switch
            {
                (not null, not null) => new Clarify([new MeasureChoice(measure), new ItemChoice(item)]),
                (not null, null) => new ShowMeasure(measure),
                _ => new NumberOutOfRange(bare),
            };
        }
        var numbers = NumberPatterns.Measures(text);
        if (numbers.Count == 0)
        {
            return null;
        }
        if (numbers.Count == 1)
        {
            // The usual question names one number: no list of candidates to build.
            return _registry.Find(numbers[0]) is { } measure ? new ShowMeasure(measure) : new NumberOutOfRange(numbers[0]);
        }
        var inRange = numbers.Select(_registry.Find).OfType<Measure>().ToArray();
        return inRange.Length switch
        {
            0 => new NumberOutOfRange(numbers[0]),
            _ => new Clarify(inRange.Select(m => (Choice)new MeasureChoice(m)).ToArray()),
        };
    }

    private MeasureQuery ByUnitOrWords(string text)
    {
        var units = _units.Match(text);
        if (units.Count == 1)
        {
            return new ListUnit(units[0], _registry.OwnedBy(units[0]));
        }
        if (units.Count > 1)
        {
            return new Clarify(units.Select(u => (Choice)new UnitChoice(u)).ToArray());
        }
        var phrases = QuestionWords.ChinesePhrases(text, out var stray);
        var words = QuestionWords.EnglishWords(text);
        if (QuestionWords.AsksForList(text, phrases, words, stray))
        {
            return new ListAll(_registry.Measures);
        }
        var subject = string.Join(' ', phrases.Concat(words));
        if (_registry.AmbiguousTerms.TryGetValue(subject, out var candidates))
        {
            return new Clarify(candidates.Select(u => (Choice)new UnitChoice(u)).ToArray());
        }
        var matches = _keywords.Search(phrases, words);
        return matches.Count > 0 ? new KeywordMatches(subject, matches) : Nothing;
    }

    private ShowItem ShowItem(PlanItem item) => new(item, _registry.InItem(item));
}
