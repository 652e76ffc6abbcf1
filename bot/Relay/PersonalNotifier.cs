using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;
using GiBot.Storage;

namespace GiBot.Relay;

/// <summary>Proactive messages into a person's 1:1 chat with the bot, through its stored conversation reference.</summary>
public sealed partial class PersonalNotifier(IConversationReferenceStore references, IConnectorClient connector, ILogger<PersonalNotifier> logger)
{
    /// <summary>True when the message was delivered; false when the person has no chat with the bot or it could not be reached.</summary>
    public async Task<bool> TellAsync(string aadObjectId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (await references.FindPersonalChatAsync(aadObjectId, cancellationToken) is not { } chat)
            {
                LogNoChat(logger, aadObjectId);
                return false;
            }
            var bot = chat.BotId is null ? null : new ChannelAccount { Id = chat.BotId };
            var activity = MessageActivityFactory.Create(message, new ConversationAccount { Id = chat.ConversationId }, bot);
            await connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId, activity, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is ConnectorException or StorageUnavailableException)
        {
            LogNotDelivered(logger, e, aadObjectId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No personal chat with {AadObjectId}: message not delivered")]
    private static partial void LogNoChat(ILogger logger, string aadObjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message to {AadObjectId} not delivered")]
    private static partial void LogNotDelivered(ILogger logger, Exception exception, string aadObjectId);
}
