using GiBot.Localization;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;

namespace GiBot.Storage;

/// <summary>
/// Stores the reference of every conversation an activity arrives from, refreshes it when it changed
/// (serviceUrl can change) and marks it removed when the bot is uninstalled. A storage outage is
/// logged and does not stop the turn: features that need storage report it to the user themselves.
/// </summary>
public sealed partial class ConversationReferenceObserver(IConversationReferenceStore store, TimeProvider time, ILogger<ConversationReferenceObserver> logger) : IConversationLifecycleObserver
{
    public ValueTask OnBotAddedAsync(TurnContext turn, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask OnBotRemovedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            if (turn.TeamId is { } teamId && turn.ConversationType == ConversationReference.Channel)
            {
                await store.MarkTeamRemovedAsync(teamId, cancellationToken);
            }
            else
            {
                await store.MarkRemovedAsync(ChannelConversationId(turn.ConversationId), cancellationToken);
            }
        }
        catch (StorageUnavailableException e)
        {
            LogNotStored(logger, e.Message);
        }
    }

    public async ValueTask OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (string.IsNullOrEmpty(activity.Conversation?.Id) || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return;
        }
        try
        {
            // Every activity passes here: write only when something changed, so the steady state is a
            // cached read (the same completed task, nothing allocated) instead of a disk write per message.
            var stored = await store.GetAsync(ChannelConversationId(activity.Conversation.Id), cancellationToken);
            if (stored is { RemovedAt: null } && Unchanged(stored, turn))
            {
                return;
            }
            var reference = FromTurn(turn, time.GetUtcNow())!;
            if (stored is not null && reference.Language is null)
            {
                reference = reference with { Language = stored.Language }; // nothing told: keep what is known
            }
            if (stored is null || stored.RemovedAt is not null || stored with { UpdatedAt = reference.UpdatedAt } != reference)
            {
                await store.UpsertAsync(reference, cancellationToken);
            }
        }
        catch (StorageUnavailableException e)
        {
            LogNotStored(logger, e.Message);
        }
    }

    /// <summary>
    /// Whether <see cref="FromTurn"/> would give <paramref name="stored"/> again (its time aside), field by field
    /// without building the reference. A language the turn does not tell keeps the stored one.
    /// </summary>
    private static bool Unchanged(ConversationReference stored, TurnContext turn)
    {
        var activity = turn.Activity;
        var kind = turn.ConversationType ?? ConversationReference.Personal;
        var personal = kind == ConversationReference.Personal;
        return stored.Kind == kind
            && stored.ServiceUrl == activity.ServiceUrl
            && stored.TenantId == turn.TenantId
            && stored.BotId == activity.Recipient?.Id
            && stored.UserId == (personal ? activity.From?.Id : null)
            && stored.UserAadObjectId == (personal ? activity.From?.AadObjectId : null)
            && stored.UserName == (personal ? activity.From?.Name : null)
            && stored.TeamId == turn.TeamId
            && stored.TeamName == turn.TeamName
            && stored.ChannelId == turn.ChannelId
            && (!personal || WrittenLanguage(turn) is not { } language || stored.Language == language);
    }

    /// <summary>The reference an activity implies, or null when it lacks a conversation or serviceUrl.</summary>
    public static ConversationReference? FromTurn(TurnContext turn, DateTimeOffset now)
    {
        var activity = turn.Activity;
        if (string.IsNullOrEmpty(activity.Conversation?.Id) || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return null;
        }
        var kind = turn.ConversationType ?? ConversationReference.Personal;
        var personal = kind == ConversationReference.Personal;
        return new ConversationReference(
            ChannelConversationId(activity.Conversation.Id),
            kind,
            activity.ServiceUrl,
            turn.TenantId,
            activity.Recipient?.Id,
            personal ? activity.From?.Id : null,
            personal ? activity.From?.AadObjectId : null,
            personal ? activity.From?.Name : null,
            turn.TeamId,
            turn.TeamName,
            turn.ChannelId,
            now,
            Language: personal ? WrittenLanguage(turn) : null);
    }

    /// <summary>The language of a message's own words; null for a card press, a number or an emoji alone.</summary>
    private static string? WrittenLanguage(TurnContext turn)
    {
        var text = turn.Activity.Type == ActivityTypes.Message ? turn.Activity.Text : null;
        return LanguageDetector.FromText(text)?.Tag();
    }

    /// <summary>A reply in a channel thread arrives as <c>19:…@thread.tacv2;messageid=…</c>; the channel is the part before.</summary>
    public static string ChannelConversationId(string conversationId)
    {
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? conversationId : conversationId[..thread];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation reference not stored: {Reason}")]
    private static partial void LogNotStored(ILogger logger, string reason);
}
