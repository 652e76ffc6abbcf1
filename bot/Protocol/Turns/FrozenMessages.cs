using System.Runtime.CompilerServices;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Turns;

/// <summary>
/// Messages built once and sent many times (an answer about a measure, per language): their cards are
/// serialized once (<see cref="CardPayloads"/>) and their text and summary JSON-encoded once, so a send
/// copies bytes instead of escaping a long text again.
/// </summary>
public static class FrozenMessages
{
    private static readonly ConditionalWeakTable<OutgoingMessage, Encoded> Frozen = [];

    internal sealed record Encoded(EncodedText? Text, EncodedText? Summary);

    /// <summary>Encodes the message now and reuses that for every later send. Neither it nor its cards may change afterwards.</summary>
    public static OutgoingMessage Freeze(OutgoingMessage message)
    {
        foreach (var card in message.Cards)
        {
            CardPayloads.Freeze(card);
        }
        Frozen.TryAdd(message, new Encoded(TryEncode(message.Text), TryEncode(MessageActivityFactory.Summary(message))));
        return message;
    }

    internal static Encoded? Find(OutgoingMessage message) => Frozen.TryGetValue(message, out var encoded) ? encoded : null;

    /// <summary>Null when the text cannot be encoded ahead (the writer then meets it, and fails, as before).</summary>
    private static EncodedText? TryEncode(string? text)
    {
        if (text is null)
        {
            return null;
        }
        try
        {
            return EncodedText.Of(text);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
