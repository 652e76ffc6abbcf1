using GiBot.Localization;
using GiBot.Protocol.Turns;
using Microsoft.Extensions.Caching.Memory;

namespace GiBot.Conversation;

/// <summary>
/// Greets a chat or team once when the bot is added to it. Teams announces an install twice
/// (installationUpdate and conversationUpdate, in no fixed order), so the first one greets and the
/// second, arriving within <see cref="RepeatWindow"/>, is ignored.
/// </summary>
public sealed class WelcomeObserver(IMemoryCache cache, TimeProvider time) : IConversationLifecycleObserver
{
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();

    public async ValueTask OnBotAddedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var key = ("welcomed", turn.ConversationId);
        lock (_gate)
        {
            if (cache.TryGetValue(key, out _))
            {
                return;
            }
            cache.Set(key, true, time.GetUtcNow() + RepeatWindow);
        }
        // Install events carry no words of the user's; Chinese is every message's first language.
        var welcome = HelpText.Welcome(Language.Chinese);
        await turn.SendAsync(new OutgoingMessage(turn.IsPersonalChat ? welcome : welcome + "\n\n" + PersonalChatOnly.InGroups(Language.Chinese)), cancellationToken);
    }

    public ValueTask OnBotRemovedAsync(TurnContext turn, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask OnActivityAsync(TurnContext turn, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
