using GiBot.Protocol.Turns;

namespace GiBot.Conversation;

/// <summary>
/// The last resort for text no other feature understood, and the answer to "help" / "帮助": a help card in the user's
/// language. A greeting is greeted back, thanks, goodbyes and "收到" get a short answer, and anything else is first owned up
/// to ("抱歉，我没有理解…") before the examples.
/// </summary>
public sealed class HelpFeature : IMessageFeature
{
    public int Order => int.MaxValue;

    public async ValueTask<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var reply = SmallTalk.Classify(turn.Text) switch
        {
            SmallTalkKind.Greeting => new OutgoingMessage(HelpText.Welcome(language), HelpText.HelpCard(language, HelpText.Hello(language))),
            SmallTalkKind.Thanks => new OutgoingMessage(HelpText.YouAreWelcome(language)),
            SmallTalkKind.Farewell => new OutgoingMessage(HelpText.Goodbye(language)),
            SmallTalkKind.Acknowledgement => new OutgoingMessage(HelpText.Acknowledged(language)),
            SmallTalkKind.NotUnderstood => new OutgoingMessage(HelpText.NotUnderstood(language) + "\n\n" + HelpText.Help(language),
                HelpText.HelpCard(language, HelpText.NotUnderstood(language))),
            _ => new OutgoingMessage(HelpText.Help(language), HelpText.HelpCard(language)),
        };
        await turn.SendAsync(reply, cancellationToken);
        return true;
    }
}
