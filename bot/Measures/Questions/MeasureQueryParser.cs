using GiBot.Measures.Registry;

namespace GiBot.Measures.Questions;

/// <summary>
/// Turns a question into a <see cref="MeasureQuery"/>. Pure: no I/O, no clock, no state between calls.
/// Order of precedence: section, item, title of an item or section, several measures or the whole plan
/// (<see cref="PlanWidePatterns"/>), measure number, unit, "all measures",
/// an ambiguous short name, a unit the plan does not name (<see cref="UnitLikeNames"/>), words of the texts. Anything else is <see cref="NotUnderstood"/>.
/// </summary>
public sealed class MeasureQueryParser
{
    private static readonly NotUnderstood Nothing = new();

    private readonly MeasureRegistry _registry;
    private readonly UnitMatcher _units;
    private readonly KeywordIndex _keywords;
    private readonly ClosestUnits _closestUnits;
    private readonly string _planWords;
    private readonly (string Title, PlanItem Item)[] _itemTitles;
    private readonly (string Title, PlanSection Section)[] _sectionTitles;

    public MeasureQueryParser(MeasureRegistry registry)
    {
        _registry = registry;
        _units = new UnitMatcher(registry);
        _keywords = new KeywordIndex(registry);
        _closestUnits = new ClosestUnits(registry);
        _planWords = QuestionText.Normalize(string.Join('\n',
            registry.Measures.Select(m => m.Text).Concat(registry.Items.Select(i => i.Title)).Concat(registry.Sections.Select(s => s.Title))));
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
        text = PlanWidePatterns.WithoutDocumentNumbers(text);
        var query = BySection(text) ?? ByItem(text) ?? ByTitle(text) ?? ByPlanWide(text) ?? ByNumber(text) ?? ByUnitOrWords(text);
        return query is ShowMeasure or ListUnit && PlanWidePatterns.AsksForLead(text) ? new AskLead(query) : query;
    }

    private MeasureQuery? ByPlanWide(string text)
    {
        if (PlanWidePatterns.AsksForWholePlan(text, _registry.Measures.Count))
        {
            return new ListAll(_registry.Measures);
        }
        if (PlanWidePatterns.AsksForLast(text))
        {
            return new ShowMeasure(_registry.Measures[^1]);
        }
        if (PlanWidePatterns.Negative(text) is { } negative)
        {
            return new NumberOutOfRange(negative);
        }
        if (PlanWidePatterns.FirstFew(text) is { } count)
        {
            return count is >= 1 and <= MeasureRegistry.MeasureCount ? Several(Enumerable.Range(1, count)) : new NumberOutOfRange(count);
        }
        if (PlanWidePatterns.Range(text) is { } range && range.From < range.To)
        {
            // "8-100" is answered about 100, the number the plan does not have, not about 21.
            return _registry.Find(range.To) is null ? new NumberOutOfRange(range.To) : Several(Enumerable.Range(range.From, range.To - range.From + 1));
        }
        return PlanWidePatterns.EnglishNumberWord(text) is { } word ? Several([word]) : null;
    }

    /// <summary>The measures named, or the first number the plan does not have.</summary>
    private MeasureQuery Several(IEnumerable<int> numbers)
    {
        var measures = new List<Measure>();
        foreach (var number in numbers)
        {
            if (_registry.Find(number) is not { } measure)
            {
                return new NumberOutOfRange(number);
            }
            measures.Add(measure);
        }
        return measures.Count == 1 ? new ShowMeasure(measures[0]) : new ShowMeasures(measures);
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
        // Several numbers ("第8项和第9项", "第8、9、10项"): every number written in the text, in order.
        // Arabic numbers above 99 (years, phone numbers) are left out of that.
        var written = NumberPatterns.BareNumbers(text).Where(n => n <= 99).Distinct().ToArray();
        return Several(numbers.All(written.Contains) ? written : numbers.Concat(written).Distinct());
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
        // 食品科 is a unit the plan does not have; 保护中心 and 市局 are words of its text.
        if (UnitLikeNames.Find(phrases) is { } unitName && !_planWords.Contains(unitName, StringComparison.Ordinal))
        {
            return new UnknownUnit(unitName, _closestUnits.To(unitName));
        }
        var matches = _keywords.Search(phrases, words);
        return matches.Count > 0 ? new KeywordMatches(subject, matches) : Nothing;
    }

    private ShowItem ShowItem(PlanItem item) => new(item, _registry.InItem(item));
}
