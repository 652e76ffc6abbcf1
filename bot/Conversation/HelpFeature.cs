using GiBot.Protocol.Turns;

namespace GiBot.Conversation;

/// <summary>The last resort for text no other feature understood, and the answer to "help" / "帮助": a help card in the user's language.</summary>
public sealed class HelpFeature : IMessageFeature
{
    public int Order => int.MaxValue;

    public async ValueTask<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await turn.SendAsync(new OutgoingMessage(HelpText.Help(turn.Language), HelpText.HelpCard(turn.Language)), cancellationToken);
        return true;
    }
}
