namespace GiBot.Storage;

/// <summary>Conversation references, refreshed on every inbound activity (see <c>ConversationReferenceObserver</c>).</summary>
public interface IConversationReferenceStore
{
    /// <summary>Inserts or refreshes; clears any earlier removal (the bot is evidently back).</summary>
    Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The bot's 1:1 chat with a user, if the app is installed for them (removed ones are not returned).</summary>
    Task<ConversationReference?> FindPersonalChatAsync(string userAadObjectId, CancellationToken cancellationToken);

    /// <summary>Channels of a team the bot has seen, removed ones excluded.</summary>
    Task<IReadOnlyList<ConversationReference>> ListTeamChannelsAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>The bot was uninstalled from this chat; the reference is kept but no longer offered.</summary>
    Task MarkRemovedAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The bot was removed from a team: every channel of it is marked removed.</summary>
    Task MarkTeamRemovedAsync(string teamId, CancellationToken cancellationToken);
}
