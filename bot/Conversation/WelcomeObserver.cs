using GiBot.Localization;
using GiBot.Protocol.Turns;

namespace GiBot.Conversation;

/// <summary>Greets a chat or team when the bot is added to it.</summary>
public sealed class WelcomeObserver : IConversationLifecycleObserver
{
    public async ValueTask OnBotAddedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // Install events carry no user text: greet in the client's language, Chinese by default.
        var language = LanguageExtensions.ParseTag(turn.Activity.Locale);
        await turn.SendAsync(new OutgoingMessage(HelpText.Welcome(language)), cancellationToken);
    }

    public ValueTask OnBotRemovedAsync(TurnContext turn, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask OnActivityAsync(TurnContext turn, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
