using System.Globalization;
using GiBot.Localization;
using GiBot.Measures.Answers;
using GiBot.Measures.Questions;
using GiBot.Measures.Registry;
using GiBot.Protocol.Turns;

namespace GiBot.Measures;

/// <summary>The buttons on measure cards: open a measure, an item, a part, a unit's measures, or the whole list.</summary>
public sealed class MeasureCardActions(MeasureRegistry registry, MeasureReplies replies) : ICardActionFeature
{
    public bool Handles(string verb) => verb is MeasureVerbs.Show or MeasureVerbs.Item or MeasureVerbs.Section or MeasureVerbs.Unit or MeasureVerbs.List;

    public ValueTask<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var query = Query(action);
        var reply = query is null ? null : replies.Reply(query, turn.Language);
        reply ??= new OutgoingMessage(turn.Language.Pick(
            "抱歉，这个按钮的内容已无法识别。请直接发送问题，例如“第八项措施谁负责”，或发送“帮助”。",
            "Sorry, I could not read this button. Please type your question, e.g. \"who is responsible for measure 8\", or send \"help\"."));
        return ValueTask.FromResult(CardActionResult.Say(reply));
    }

    private MeasureQuery? Query(CardAction action)
    {
        switch (action.Verb)
        {
            case MeasureVerbs.Show:
                if (!int.TryParse(action.Get("number"), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    return null;
                }
                return registry.Find(number) is { } measure ? new ShowMeasure(measure) : new NumberOutOfRange(number);
            case MeasureVerbs.Item:
                return registry.FindItem(action.Get("item") ?? "") is { } item ? new ShowItem(item, registry.InItem(item)) : null;
            case MeasureVerbs.Section:
                return registry.FindSection(action.Get("section") ?? "") is { } section ? new ListSection(section, registry.InSection(section)) : null;
            case MeasureVerbs.Unit:
                return registry.FindUnit(action.Get("unit") ?? "") is { } unit ? new ListUnit(unit, registry.OwnedBy(unit)) : null;
            case MeasureVerbs.List:
                return new ListAll(registry.Measures);
            default:
                return null;
        }
    }
}
