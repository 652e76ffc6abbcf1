using GiBot.Protocol.Turns;

namespace GiBot.Updates;

/// <summary>What a step of the dialog answers; <see cref="ReplacesCard"/> puts the card in place of the one pressed.</summary>
public sealed record UpdateReply(OutgoingMessage Message, bool ReplacesCard)
{
    public static UpdateReply Say(OutgoingMessage message) => new(message, false);

    public static UpdateReply Replace(OutgoingMessage message) => new(message, true);

    public CardActionResult ToCardActionResult() =>
        ReplacesCard && Message.Cards.Count > 0 ? CardActionResult.Replace(Message.Cards[0]) : CardActionResult.Say(Message);
}
