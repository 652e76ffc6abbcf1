namespace GiBot.Protocol.Turns;

/// <summary>A feature that may answer a user's text message. Features are tried in ascending <see cref="Order"/>.</summary>
public interface IMessageFeature
{
    int Order { get; }

    ValueTask<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>A feature that handles card buttons whose verb it owns.</summary>
public interface ICardActionFeature
{
    bool Handles(string verb);

    ValueTask<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken);
}

/// <summary>Hears about conversations the bot joins or leaves, e.g. to remember references for proactive messages.</summary>
public interface IConversationLifecycleObserver
{
    ValueTask OnBotAddedAsync(TurnContext turn, CancellationToken cancellationToken);

    ValueTask OnBotRemovedAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>Every authenticated inbound activity, e.g. to refresh a stored conversation reference.</summary>
    ValueTask OnActivityAsync(TurnContext turn, CancellationToken cancellationToken);
}
