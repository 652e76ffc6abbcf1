namespace GiBot.Protocol.Turns;

/// <summary>Teams may deliver the same activity twice; each id is handled once within the window.</summary>
public interface IActivityDeduplicator
{
    /// <summary>
    /// True the first time an id is seen within the window; false for a repeat. After true, the caller ends the
    /// turn with <see cref="CompleteAsync"/> or <see cref="Abandon"/>. <paramref name="stampedAt"/> is the activity's
    /// <c>timestamp</c> (set by the channel, the same on a redelivery), when it has one.
    /// </summary>
    ValueTask<bool> TryBeginAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken);

    /// <summary>
    /// The turn for this id ran to its end. A store shared across restarts records the id only now, so a
    /// delivery whose turn died with the process (kill, crash) is handled again when the channel retries it.
    /// <paramref name="stampedAt"/> is the one given to <see cref="TryBeginAsync"/>.
    /// </summary>
    ValueTask CompleteAsync(string conversationId, string activityId, DateTimeOffset? stampedAt, CancellationToken cancellationToken);

    /// <summary>The turn for this id stopped before its end (shutdown): it is not recorded; this process still drops a repeat within the window.</summary>
    void Abandon(string conversationId, string activityId);
}

public static class ActivityDeduplicatorExtensions
{
    /// <summary>An activity without a timestamp.</summary>
    public static ValueTask<bool> TryBeginAsync(this IActivityDeduplicator deduplicator, string conversationId, string activityId, CancellationToken cancellationToken) =>
        deduplicator.TryBeginAsync(conversationId, activityId, null, cancellationToken);

    /// <summary>An activity without a timestamp.</summary>
    public static ValueTask CompleteAsync(this IActivityDeduplicator deduplicator, string conversationId, string activityId, CancellationToken cancellationToken) =>
        deduplicator.CompleteAsync(conversationId, activityId, null, cancellationToken);
}
