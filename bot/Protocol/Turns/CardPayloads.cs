using System.Runtime.CompilerServices;
using GiBot.Cards;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Turns;

/// <summary>
/// A card's attachment content as UTF-8 JSON. A card frozen by its owner (an answer built once and sent
/// many times, never changed afterwards) is serialized once; any other card on each send, because its
/// owner may still change it between sends.
/// </summary>
public static class CardPayloads
{
    private static readonly ConditionalWeakTable<AdaptiveCard, RawJson> Frozen = [];

    /// <summary>Serializes the card now and reuses that text for every later send. The card must not change afterwards.</summary>
    public static AdaptiveCard Freeze(AdaptiveCard card)
    {
        Frozen.TryAdd(card, RawJson.From(card.Content));
        return card;
    }

    public static RawJson Of(AdaptiveCard card) => Frozen.TryGetValue(card, out var json) ? json : RawJson.From(card.Content);
}
