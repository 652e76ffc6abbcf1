using GiBot.Cards;

namespace GiBot.Protocol.Turns;

/// <summary>
/// What a feature says to a user: text (always present, so clients without card support still
/// read the answer) and optional Adaptive Cards.
/// </summary>
public sealed record OutgoingMessage(string Text, IReadOnlyList<AdaptiveCard> Cards)
{
    public OutgoingMessage(string text) : this(text, []) { }

    public OutgoingMessage(string text, AdaptiveCard card) : this(text, [card]) { }

    /// <summary>Markdown text renders lists and bold in Teams; plain text shows characters as typed.</summary>
    public bool Markdown { get; init; } = true;

    /// <summary>Send the text only when there are no cards (the card repeats it); used for in-place updates.</summary>
    public bool TextOnlyWithoutCards { get; init; }

    /// <summary>Teams activity-feed alert (channelData.notification.alert).</summary>
    public bool Alert { get; init; }

    /// <summary>People @mentioned in the text, as (display text, user id, name).</summary>
    public IReadOnlyList<Mention> Mentions { get; init; } = [];
}

public sealed record Mention(string Text, string UserId, string Name);
