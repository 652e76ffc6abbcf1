using System.Text.Json;
using GiBot.Localization;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Turns;

/// <summary>
/// Dispatches an authenticated activity by type: text to message features, card buttons to the
/// feature owning the verb, membership events to lifecycle observers. Returns the invoke response
/// for invokes and null otherwise.
/// </summary>
public sealed partial class ActivityRouter(
    IEnumerable<IMessageFeature> messageFeatures,
    IEnumerable<ICardActionFeature> cardActionFeatures,
    IEnumerable<IConversationLifecycleObserver> observers,
    IConnectorClient connector,
    ILogger<ActivityRouter> logger)
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    private readonly IMessageFeature[] _messageFeatures = messageFeatures.OrderBy(f => f.Order).ToArray();
    private readonly ICardActionFeature[] _cardActionFeatures = cardActionFeatures.ToArray();
    private readonly IConversationLifecycleObserver[] _observers = observers.ToArray();

    public async Task<InvokeResponse?> RouteAsync(Activity activity, string referenceId, CancellationToken cancellationToken)
    {
        var turn = new TurnContext(activity, connector, activity.IsType(ActivityTypes.Message) ? MentionText.StripBotMention(activity) : "");
        try
        {
            foreach (var observer in _observers)
            {
                await observer.OnActivityAsync(turn, cancellationToken);
            }
            return activity.Type switch
            {
                _ when activity.IsType(ActivityTypes.Message) => await OnMessageAsync(turn, cancellationToken),
                _ when activity.IsType(ActivityTypes.ConversationUpdate) => await OnConversationUpdateAsync(turn, cancellationToken),
                _ when activity.IsType(ActivityTypes.InstallationUpdate) => await OnInstallationUpdateAsync(turn, cancellationToken),
                _ when activity.IsType(ActivityTypes.Invoke) => await OnInvokeAsync(turn, cancellationToken),
                _ => null,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(logger, e, referenceId, activity.Id, activity.Conversation?.Id);
            return await ApologiseAsync(turn, referenceId, e as UserFacingException, cancellationToken);
        }
    }

    private async Task<InvokeResponse?> OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (CardActionReader.FromSubmit(turn.Activity) is { } action)
        {
            await HandleSubmitAsync(turn, action, cancellationToken);
            return null;
        }
        foreach (var feature in _messageFeatures)
        {
            if (await feature.TryHandleAsync(turn, cancellationToken))
            {
                break;
            }
        }
        return null;
    }

    private async Task HandleSubmitAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ApplyCardLanguage(turn, action);
        var feature = _cardActionFeatures.FirstOrDefault(f => f.Handles(action.Verb));
        if (feature is null)
        {
            await turn.SendAsync(UnknownAction(turn.Language), cancellationToken);
            return;
        }
        var result = await feature.HandleAsync(turn, action, cancellationToken);
        if (result.ReplacementCard is not null && !string.IsNullOrEmpty(turn.Activity.ReplyToId))
        {
            await turn.UpdateAsync(turn.Activity.ReplyToId, new OutgoingMessage("", result.ReplacementCard), cancellationToken);
        }
        else if (result.ReplacementCard is not null)
        {
            await turn.SendAsync(new OutgoingMessage("", result.ReplacementCard), cancellationToken);
        }
        if (result.Message is not null)
        {
            await turn.SendAsync(result.Message, cancellationToken);
        }
    }

    private async Task<InvokeResponse?> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!string.Equals(turn.Activity.Name, AdaptiveCardActionInvoke, StringComparison.Ordinal))
        {
            return InvokeResponse.NotImplemented;
        }
        var action = CardActionReader.FromExecute(turn.Activity);
        if (action is null)
        {
            return CardInvokeResponses.Error(400, "BadRequest", "The card action carried no verb.");
        }
        ApplyCardLanguage(turn, action);
        var feature = _cardActionFeatures.FirstOrDefault(f => f.Handles(action.Verb));
        if (feature is null)
        {
            return CardInvokeResponses.Message(UnknownAction(turn.Language).Text);
        }
        var result = await feature.HandleAsync(turn, action, cancellationToken);
        if (result.ReplacementCard is not null)
        {
            if (result.Message is not null)
            {
                await turn.SendAsync(result.Message, cancellationToken);
            }
            return CardInvokeResponses.Card(result.ReplacementCard);
        }
        if (result.Message is not null)
        {
            await turn.SendAsync(result.Message, cancellationToken);
            return CardInvokeResponses.Message(result.Message.Text);
        }
        return CardInvokeResponses.Message("");
    }

    private async Task<InvokeResponse?> OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var botId = turn.Activity.Recipient?.Id;
        if (turn.Activity.MembersAdded?.Any(m => IsBot(m, botId)) == true)
        {
            foreach (var observer in _observers)
            {
                await observer.OnBotAddedAsync(turn, cancellationToken);
            }
        }
        if (turn.Activity.MembersRemoved?.Any(m => IsBot(m, botId)) == true)
        {
            foreach (var observer in _observers)
            {
                await observer.OnBotRemovedAsync(turn, cancellationToken);
            }
        }
        return null;
    }

    private async Task<InvokeResponse?> OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // "add-upgrade" and "remove-upgrade" are a new version of an app that stays installed: nothing to greet or forget.
        var action = turn.Activity.Action ?? "";
        if (string.Equals(action, "add", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var observer in _observers)
            {
                await observer.OnBotAddedAsync(turn, cancellationToken);
            }
        }
        else if (string.Equals(action, "remove", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var observer in _observers)
            {
                await observer.OnBotRemovedAsync(turn, cancellationToken);
            }
        }
        return null;
    }

    private static bool IsBot(ChannelAccount member, string? botId) =>
        botId is not null && string.Equals(member.Id, botId, StringComparison.OrdinalIgnoreCase);

    private static void ApplyCardLanguage(TurnContext turn, CardAction action)
    {
        if (action.Get("lang") is { } tag)
        {
            turn.Language = LanguageExtensions.ParseTag(tag);
        }
    }

    private static OutgoingMessage UnknownAction(Language language) => new(language.Pick(
        "抱歉，这个按钮已失效或暂不支持。请发送“帮助”查看可用的功能。",
        "Sorry, this button is no longer valid or not supported. Send \"help\" to see what I can do."));

    private async Task<InvokeResponse?> ApologiseAsync(TurnContext turn, string referenceId, UserFacingException? cause, CancellationToken cancellationToken)
    {
        var text = cause is not null ? cause.UserMessage(turn.Language) : turn.Language.Pick(
            $"抱歉，处理您的请求时出现了问题，请稍后再试。如需协助，请向管理员提供参考编号：{referenceId}",
            $"Sorry, something went wrong while handling your request; please try again shortly. If you need help, give the administrator this reference: {referenceId}");
        if (turn.Activity.IsType(ActivityTypes.Invoke))
        {
            return CardInvokeResponses.Error(500, "InternalError", text);
        }
        try
        {
            await turn.SendAsync(new OutgoingMessage(text), cancellationToken);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            LogApologyFailed(logger, e, referenceId);
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed (reference {ReferenceId}, activity {ActivityId}, conversation {ConversationId})")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string referenceId, string? activityId, string? conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the apology for reference {ReferenceId}")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception, string referenceId);
}

/// <summary>Bodies for <c>adaptiveCard/action</c> invoke responses (protocol.md 4.5).</summary>
public static class CardInvokeResponses
{
    public static InvokeResponse Card(Cards.AdaptiveCard card) => Build(200, AdaptiveCardInvokeResponse.CardType,
        JsonSerializer.SerializeToElement(card.Content, ProtocolJson.Default.JsonObject));

    public static InvokeResponse Message(string text) => Build(200, AdaptiveCardInvokeResponse.MessageType,
        JsonSerializer.SerializeToElement(text, ProtocolJson.Default.String));

    public static InvokeResponse Error(int status, string code, string message) => Build(status, AdaptiveCardInvokeResponse.ErrorType,
        JsonSerializer.SerializeToElement(new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["message"] = message }, ProtocolJson.Default.JsonObject));

    private static InvokeResponse Build(int statusCode, string type, JsonElement value) =>
        new(200, JsonSerializer.SerializeToElement(
            new AdaptiveCardInvokeResponse { StatusCode = statusCode, Type = type, Value = value },
            ProtocolJson.Default.AdaptiveCardInvokeResponse));
}
