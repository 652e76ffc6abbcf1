using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using GiBot.Localization;
using GiBot.Measures.Questions;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;

namespace GiBot.Measures.Answers;

/// <summary>Answers a <see cref="MeasureQuery"/> with a card and the same content as text; null when it is not about the plan.</summary>
public sealed class MeasureReplies(MeasureRegistry registry)
{
    private readonly MeasureCards _cards = new(registry);
    private readonly MeasureTexts _texts = new(registry);

    // Answers that depend on the registry alone (a measure, an item, a part, a unit, the whole list) are built
    // once per language and shared: at most one per registry entry and language. Their cards are frozen, so
    // each is also serialized once; nobody may change a card of an answer after it was returned.
    private readonly ConcurrentDictionary<(string Key, Language Language), OutgoingMessage> _fixed = new();

    public OutgoingMessage? Reply(MeasureQuery query, Language language)
    {
        if (FixedKey(query) is not { } key)
        {
            return Build(query, language);
        }
        if (_fixed.TryGetValue((key, language), out var known))
        {
            return known;
        }
        var reply = FrozenMessages.Freeze(Build(query, language)!);
        return _fixed.GetOrAdd((key, language), reply);
    }

    /// <summary>A key naming everything the answer depends on, or null when it depends on the question's words.</summary>
    private static string? FixedKey(MeasureQuery query) => query switch
    {
        ShowMeasure q => string.Create(CultureInfo.InvariantCulture, $"measure {q.Measure.Number}"),
        ShowItem q => $"item {q.Item.Number}: {Numbers(q.ItemMeasures)}",
        ListAll q => $"all: {Numbers(q.AllMeasures)}",
        ListSection q => $"section {q.Section.Number}: {Numbers(q.SectionMeasures)}",
        ListUnit q => $"unit {q.Unit.Name}: {Numbers(q.UnitMeasures)}",
        _ => null,
    };

    private static string Numbers(IReadOnlyList<Measure> measures) =>
        string.Join(',', measures.Select(m => m.Number.ToString(CultureInfo.InvariantCulture)));

    private OutgoingMessage? Build(MeasureQuery query, Language language) => query switch
    {
        ShowMeasure q => new(_texts.Measure(q.Measure, language), _cards.Measure(q.Measure, language)),
        ShowItem q => new(_texts.Item(q.Item, q.ItemMeasures, language), _cards.Item(q.Item, q.ItemMeasures, language)),
        ShowMeasures q => List(LanguageExtensions.Capitalized(MeasuresPhrase(q.Named, language)), q.Named.Select(m => ((string?)null, m)), null, language, offerAll: true),
        ListAll q => List(
            language.Pick($"分工方案全部 {q.AllMeasures.Count} 项措施", $"All {q.AllMeasures.Count} measures of the plan"),
            q.AllMeasures.Select(m => ((string?)MeasureLabels.Section(m.Section, language), m)), null, language, offerAll: false),
        ListSection q => List(
            language.Pick($"{MeasureLabels.Section(q.Section, language)}（{q.SectionMeasures.Count} 项措施）", $"{MeasureLabels.Section(q.Section, language)}: {Count(q.SectionMeasures.Count)}"),
            q.SectionMeasures.Select(m => ((string?)MeasureLabels.Item(m.Item, language), m)), null, language, offerAll: true),
        ListUnit q => List(UnitHeading(q.Unit, q.UnitMeasures.Count, language),
            q.UnitMeasures.Select(m => ((string?)null, m)), q.Unit, language, offerAll: true,
            // "县区局有哪些" asks who they are as much as what they own.
            note: q.Unit == registry.CountyBureausGroup && MeasureLabels.CountyNote(registry, language) is { Length: > 0 } bureaus ? bureaus : null),
        KeywordMatches q => List(
            language.Pick($"包含“{MarkdownText.Literal(q.Terms)}”的措施（{q.Ranked.Count} 项，按相关程度排序）", $"Measures matching “{MarkdownText.Literal(q.Terms)}”: {Count(q.Ranked.Count)}, best match first"),
            q.Ranked.Select(m => ((string?)null, m)), null, language, offerAll: true),
        AskLead { About: ShowMeasure q } => LeadOf(q.Measure, language),
        AskLead { About: ListUnit q } => LedBy(q.Unit, q.UnitMeasures, language),
        NumberOutOfRange q => OutOfRange(q.Number, language),
        UnknownUnit q => UnitNotInPlan(q.Name, q.Closest, language),
        PartOutOfRange q => q.IsSection ? SectionOutOfRange(q.Number, language) : ItemOutOfRange(q.Number, language),
        Clarify q => Clarification(q.Choices, language),
        _ => null,
    };

    private static string Count(int n) => n == 1 ? "1 measure" : $"{n} measures";

    private static string UnitHeading(Unit unit, int count, Language language) => unit.Kind == UnitKind.CountyBureau
        ? language.Pick($"{unit.Name}按职责分工负责的措施（{count} 项）", $"Measures shared by {MeasureLabels.Unit(unit, language)}, each bureau within its remit: {Count(count)}")
        : language.Pick($"{unit.Name}负责的措施（{count} 项）", $"Measures owned by {MeasureLabels.Unit(unit, language)}: {Count(count)}");

    private OutgoingMessage List(string heading, IEnumerable<(string? Group, Measure Measure)> rows, Unit? owner, Language language, bool offerAll, string? note = null)
    {
        var list = rows.ToArray();
        return new(_texts.List(heading, list, owner, language, note), _cards.List(heading, list, owner, language, offerAll, note));
    }

    private OutgoingMessage LeadOf(Measure measure, Language language)
    {
        var title = MeasureLabels.MeasureTitle(measure.Number, language);
        var separator = language.Pick("、", "; ");
        var (heading, detail) = measure.Lead is { } lead
            ? (language.Pick($"{title}由{lead.Name}牵头。", $"{title} is led by {MeasureLabels.Unit(lead, language)}."),
                language.Pick("分工方案原文：", "The plan names: ")
                    + string.Join(separator, measure.Owners.Select(u => MeasureLabels.OwnerLine(measure, u, language))) + language.Pick("。", "."))
            : (language.Pick($"分工方案没有为{title}指定牵头单位。", $"The plan names no lead unit for {title.ToLowerInvariant()}."),
                language.Pick("以下单位按职责分工共同负责：", "These units share it, each within its remit: ")
                    + string.Join(separator, measure.Owners.Select(u => MeasureLabels.Unit(u, language))) + language.Pick("。", ".")
                    + "\n\n" + LeadsOfPlan(language));
        return Notice(heading, detail + "\n\n" + MeasureLabels.Source(registry, language, MeasureLabels.MeasurePlace(measure, language)),
            [(title, MeasureVerbs.ShowData(measure.Number, language))], language);
    }

    private OutgoingMessage LedBy(Unit unit, IReadOnlyList<Measure> owned, Language language)
    {
        var name = MeasureLabels.Unit(unit, language);
        var led = owned.Where(m => m.Lead == unit).ToArray();
        var others = owned.Where(m => m.Lead != unit).ToArray();
        var heading = led.Length == 0
            ? language.Pick($"分工方案没有指定{unit.Name}牵头任何措施。", $"The plan does not name {name} as lead of any measure.")
            : language.Pick($"{unit.Name}牵头{MeasuresPhrase(led, language)}。", $"{name} leads {MeasuresPhrase(led, language)}.");
        var detail = (others.Length == 0 ? "" : language.Pick(
                $"此外，{unit.Name}按分工参与 {others.Length} 项措施：{string.Join("、", others.Select(m => m.Number))}。",
                $"It also shares {Count(others.Length)}: {string.Join(", ", others.Select(m => m.Number))}.") + "\n\n")
            + LeadsOfPlan(language) + "\n\n" + MeasureLabels.Source(registry, language);
        var buttons = led.Select(m => (MeasureLabels.MeasureTitle(m.Number, language), MeasureVerbs.ShowData(m.Number, language)))
            .Append((language.Pick($"{unit.Name}负责的全部措施", $"All measures of {unit.Name}"), MeasureVerbs.UnitData(unit.Name, language)));
        return Notice(heading, detail, buttons, language);
    }

    private static string MeasuresPhrase(IReadOnlyList<Measure> measures, Language language) => measures.Count == 1
        ? language.Pick(MeasureLabels.MeasureTitle(measures[0].Number, language), $"measure {measures[0].Number}")
        : language.Pick($"第 {string.Join("、", measures.Select(m => m.Number))} 项措施", $"measures {string.Join(", ", measures.Select(m => m.Number))}");

    private string OwnedPhrase(IReadOnlyList<Measure> measures, Language language) => measures.Count == registry.Measures.Count
        ? language.Pick($"全部 {measures.Count} 项措施", $"all {measures.Count} measures")
        : MeasuresPhrase(measures, language);

    /// <summary>Which measures the plan gives a lead (牵头) at all, read from the registry.</summary>
    private string LeadsOfPlan(Language language)
    {
        var led = registry.Measures.Where(m => m.Lead is not null).ToArray();
        return led.Length == 0
            ? language.Pick("分工方案没有为任何措施指定牵头单位。", "The plan names no lead unit for any measure.")
            : language.Pick(
                $"分工方案只为{string.Join("、", led.Select(m => $"第 {m.Number} 项（{m.Lead!.Name}牵头）"))}指定了牵头单位。",
                $"The plan names a lead unit only for {string.Join("; ", led.Select(m => $"measure {m.Number}, led by {MeasureLabels.Unit(m.Lead!, language)}"))}.");
    }

    private OutgoingMessage OutOfRange(int number, Language language)
    {
        // A number too long to read is not repeated as int.MaxValue, which the user never wrote.
        var heading = Math.Abs(number) == ChineseNumerals.TooLarge
            ? language.Pick(
                $"分工方案共有 {MeasureRegistry.MeasureCount} 项措施（序号 1 至 {MeasureRegistry.MeasureCount}），没有这么大的序号。",
                $"The plan has {MeasureRegistry.MeasureCount} measures (numbered 1 to {MeasureRegistry.MeasureCount}); there is no measure with a number that large.")
            : language.Pick(
                $"分工方案共有 {MeasureRegistry.MeasureCount} 项措施（序号 1 至 {MeasureRegistry.MeasureCount}），没有第 {number} 项。",
                $"The plan has {MeasureRegistry.MeasureCount} measures (numbered 1 to {MeasureRegistry.MeasureCount}); there is no measure {number}.");
        var detail = language.Pick("您可以查看全部措施，或换一个序号再问，例如“第八项措施谁负责”。", "You can open the list of all measures, or ask about another number, e.g. \"who is responsible for measure 8\".");
        return Notice(heading, detail, [(MeasureLabels.ListAllButton(language), MeasureVerbs.ListData(language))], language);
    }

    private OutgoingMessage UnitNotInPlan(string name, IReadOnlyList<Unit> closest, Language language)
    {
        var typed = MarkdownText.Literal(name);
        var heading = language.Pick($"分工方案的工作分工中没有“{typed}”。", $"The plan’s division of work does not name “{typed}”.");
        var close = closest.Count == 0
            ? language.Pick("分工方案中没有名称相近的单位。", "No unit of the plan has a similar name.")
            : language.Pick("名称最接近的单位：", "The closest units the plan names:") + "\n\n"
                + string.Join("\n", closest.Select(u => $"- {MeasureLabels.Unit(u, language)}{language.Pick("：", ": ")}{OwnedPhrase(registry.OwnedBy(u), language)}"));
        // ；between names: the county bureaus' name has 、 of its own.
        var named = registry.Units.Where(u => u.Kind != UnitKind.CountyBureau).Append(registry.CountyBureausGroup).Select(u => u.Name);
        var detail = close + "\n\n"
            + language.Pick($"分工方案中的责任单位：{string.Join("；", named)}。", $"The units the plan names: {string.Join("; ", named)}.")
            + "\n\n" + MeasureLabels.Source(registry, language);
        var buttons = closest.Select(u => (language.Pick($"{u.Name}负责的措施", $"Measures of {u.Name}"), MeasureVerbs.UnitData(u.Name, language)))
            .Append((MeasureLabels.ListAllButton(language), MeasureVerbs.ListData(language)));
        return Notice(heading, detail, buttons, language);
    }

    private OutgoingMessage SectionOutOfRange(string number, Language language)
    {
        var heading = language.Pick(
            $"分工方案的措施分属第二至第六部分，没有第{number}部分。",
            $"The plan's measures are in parts 二 to 六 (2 to 6); there is no part {number}.");
        var detail = language.Pick("请选择要查看的部分：", "Choose a part to see its measures:") + "\n\n"
            + string.Join("\n\n", registry.Sections.Select(s => MeasureLabels.Section(s, language)));
        return Notice(heading, detail,
            registry.Sections.Select(s => (language.Pick($"第{s.Number}部分", $"Part {s.Number}"), MeasureVerbs.SectionData(s.Number, language))),
            language);
    }

    private OutgoingMessage ItemOutOfRange(string number, Language language)
    {
        var heading = language.Pick(
            $"分工方案的举措编号为（三）至（十三），没有（{number}）。",
            $"The plan's items are numbered （三） to （十三） (3 to 13); there is no item （{number}）.");
        var detail = language.Pick("各举措如下，发送例如“（八）”即可查看：", "The items are listed below; send e.g. \"（八）\" to see one:") + "\n\n"
            + string.Join("\n\n", registry.Items.Select(i => MeasureLabels.Item(i, language)));
        return Notice(heading, detail, [(MeasureLabels.ListAllButton(language), MeasureVerbs.ListData(language))], language);
    }

    private OutgoingMessage Clarification(IReadOnlyList<Choice> choices, Language language)
    {
        var options = choices.Select(c => c switch
        {
            MeasureChoice m => (MeasureLabels.MeasureTitle(m.Measure.Number, language), MeasureVerbs.ShowData(m.Measure.Number, language)),
            ItemChoice i => (language.Pick($"举措（{i.Item.Number}）{i.Item.Title}", $"Item （{i.Item.Number}） {i.Item.TitleEn}"), MeasureVerbs.ItemData(i.Item.Number, language)),
            SectionChoice s => (MeasureLabels.Section(s.Section, language), MeasureVerbs.SectionData(s.Section.Number, language)),
            UnitChoice u => (MeasureLabels.Unit(u.Unit, language), MeasureVerbs.UnitData(u.Unit.Name, language)),
            _ => throw new ArgumentOutOfRangeException(nameof(choices)),
        }).Select(o => (Title: o.Item1, Data: o.Item2)).ToArray();
        var heading = language.Pick("您想问的是哪一个？", "Which one do you mean?");
        var detail = language.Pick("您的问题可以有几种理解，请选择：", "Your question could mean several things. Please choose:") + "\n\n"
            + string.Join("\n\n", options.Select(o => "- " + o.Title));
        return Notice(heading, detail, options, language);
    }

    private OutgoingMessage Notice(string heading, string detail, IEnumerable<(string Title, JsonObject Data)> choices, Language language) =>
        new($"**{heading}**\n\n{detail}", _cards.Notice(heading, detail, choices, language));
}
