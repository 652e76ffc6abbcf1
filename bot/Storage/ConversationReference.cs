namespace GiBot.Storage;

/// <summary>
/// What the bot needs to message a conversation later (proactively): where to send and who is in it.
/// <see cref="Kind"/> is Teams' conversationType: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.
/// Channel references are keyed by the channel conversation itself (any <c>;messageid=</c> thread suffix removed).
/// User fields are set for personal chats only. <see cref="Language"/> is the tag (<c>zh-CN</c>, <c>en</c>) of the
/// language the person last wrote in there, null until they wrote something that tells.
/// </summary>
public sealed record ConversationReference(
    string ConversationId,
    string Kind,
    string ServiceUrl,
    string? TenantId,
    string? BotId,
    string? UserId,
    string? UserAadObjectId,
    string? UserName,
    string? TeamId,
    string? TeamName,
    string? ChannelId,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RemovedAt = null,
    string? Language = null)
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";

    public bool IsRemoved => RemovedAt is not null;
}
