namespace GiBot.Protocol.Turns;

/// <summary>
/// A card button press, whether it came as Action.Submit (a message carrying <c>value</c>) or as
/// Action.Execute (an <c>adaptiveCard/action</c> invoke). Inputs are flattened to strings.
/// </summary>
public sealed record CardAction(string Verb, IReadOnlyDictionary<string, string?> Data, bool IsExecute)
{
    public string? Get(string key) => Data.TryGetValue(key, out var value) ? value : null;
}

/// <summary>What a card action handler answers: a replacement card, a short message, or both.</summary>
public sealed record CardActionResult(OutgoingMessage? Message, Cards.AdaptiveCard? ReplacementCard)
{
    public static CardActionResult Say(OutgoingMessage message) => new(message, null);

    public static CardActionResult Replace(Cards.AdaptiveCard card, OutgoingMessage? alsoSay = null) => new(alsoSay, card);
}
