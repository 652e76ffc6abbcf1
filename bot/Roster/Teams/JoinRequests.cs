using GiBot.Localization;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;
using GiBot.Roster.Units;
using GiBot.Storage;

namespace GiBot.Roster.Teams;

/// <summary>
/// "我是执法稽查科的联络员": the request goes as a card to every admin's 1:1 chat; an admin approves or
/// rejects it there, every admin's copy is updated in place and the requester is told the outcome.
/// A person has at most one pending request per unit: asking again for the same role is answered without
/// a new card, asking for another role replaces the pending request (its cards lose their buttons).
/// </summary>
public sealed partial class JoinRequests(
    RosterDirectory directory,
    UnitCatalog units,
    IRosterStore roster,
    JoinRequestStore store,
    IConversationReferenceStore references,
    IConnectorClient connector,
    TimeProvider time,
    ILogger<JoinRequests> logger)
{
    private const int ClaimAttempts = 3;

    public async Task<OutgoingMessage> RequestAsync(TurnContext turn, string unitText, RosterRole role, CancellationToken cancellationToken)
    {
        // The outcome is told later in the request's language, so it is the phrasing's, not that of a Chinese unit name in it.
        var language = RosterCommandParser.JoinLanguage(turn.Text) ?? turn.Language;
        if (units.Resolve(unitText) is not { } unit)
        {
            return RosterTexts.UnknownUnit(unitText, units, language);
        }
        if (turn.UserAadObjectId is not { Length: > 0 } aad)
        {
            return new OutgoingMessage(language.Pick(
                "抱歉，无法识别您的 Teams 账号，请在 Teams 中与 GiBot 的个人聊天里再试。",
                "Sorry, I cannot identify your Teams account; please try again in your personal chat with GiBot."));
        }
        var current = (await directory.FindAsync(aad, cancellationToken))?.Memberships.FirstOrDefault(m => m.UnitId == unit.Name)?.Role;
        if (current == role)
        {
            return new OutgoingMessage(language.Pick(
                $"您已是{unit.Name}的{RosterRoles.Display(role, language)}，无需再次申请。",
                $"You are already {RosterRoles.EnglishWithArticle(role)} of {UnitNames.TheEnglish(unit)}; nothing to request."));
        }
        var admins = await directory.AdminsAsync(cancellationToken);
        if (admins.Count == 0)
        {
            LogNoAdmins(logger, unit.Name);
            return new OutgoingMessage(language.Pick(
                $"目前还没有配置管理员，无法审批您的申请。请联系{RosterDirectory.PlanOffice}，请其在 appsettings.json 的 Roster:People 中配置管理员，或直接将您加入{unit.Name}。",
                $"No administrator is configured yet, so nobody can approve your request. Please contact the IP Protection Section (知识产权保护科) to configure one under Roster:People in appsettings.json, or to add you to {UnitNames.TheEnglish(unit)} directly."));
        }

        var reply = await references.FindPersonalChatAsync(aad, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var (earlier, latestVersion) = await store.PendingAsync(aad, unit.Name, cancellationToken);
            // A pending request that reached no admin is sent again: the requester was told to ask again once they can receive it.
            if (earlier is not null && earlier.Role == RosterRoles.Stored(role) && earlier.AdminCards.Count > 0)
            {
                return JoinRequestTexts.AlreadyAsked(earlier, unit, role, admins, language);
            }
            var request = new JoinRequest(Guid.NewGuid().ToString("N"), aad, turn.UserName, unit.Name, RosterRoles.Stored(role), language.Tag(),
                reply?.ServiceUrl ?? turn.ServiceUrl, reply?.ConversationId ?? turn.ConversationId, reply?.BotId ?? turn.Activity.Recipient?.Id,
                time.GetUtcNow(), [], CurrentRole: current is { } held ? RosterRoles.Stored(held) : null);
            // Stored before the cards go out: an admin may press a button before this turn ends.
            if (!await store.TryAddAsync(request, latestVersion, cancellationToken))
            {
                if (attempt == ClaimAttempts)
                {
                    throw new InvalidOperationException($"Join requests of {aad} for {unit.Name} kept changing while a new one was stored.");
                }
                continue;
            }
            var replaced = earlier is not null && await SupersedeAsync(earlier.Id, cancellationToken) && earlier.Role != request.Role;
            var (reached, unreachable) = await SendToAdminsAsync(request, admins, cancellationToken);
            var sent = RosterTexts.RequestSent(unit, role, reached, unreachable, language);
            return replaced ? sent with { Text = JoinRequestTexts.Replaced(earlier!, unit, language) + sent.Text } : sent;
        }
    }

    /// <summary>An admin's decision; the answer is the admin's updated card (or a refusal) and a line for the admin.</summary>
    public async Task<CardActionResult> DecideAsync(TurnContext turn, string requestId, bool approve, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var allowed = await directory.CanAdministerAsync(turn.UserAadObjectId ?? "", cancellationToken);
        if (!allowed.Allowed)
        {
            return CardActionResult.Say(new OutgoingMessage(allowed.Reason(language)!));
        }
        var (request, version) = await store.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            return CardActionResult.Say(new OutgoingMessage(language.Pick(
                "找不到这条加入申请，可能已被删除。请让申请人重新发送“我是××的联络员”（××为单位名称）。",
                "I cannot find this join request; it may have been removed. Ask the person to send \"I am the liaison of [unit]\" again.")));
        }
        if (request.Status == JoinRequest.Superseded)
        {
            return CardActionResult.Replace(RequestCard(request, language), new OutgoingMessage(language.Pick(
                "这条申请已被申请人的新申请取代，无需处理；请在新的申请卡片上批准或拒绝。",
                "The requester has replaced this request with a newer one, so there is nothing to do here; please decide on the newer request's card.")));
        }
        if (request.Status != JoinRequest.Pending)
        {
            return CardActionResult.Replace(RequestCard(request, language), new OutgoingMessage(language.Pick(
                $"这条申请已由 {request.DecidedBy} 处理（{StatusText(request.Status, language)}），无需再次操作。",
                $"This request was already handled by {request.DecidedBy} ({StatusText(request.Status, language)}).")));
        }
        var role = RosterRoles.Parse(request.Role) ?? RosterRole.Member;
        // The roster may have changed since the request: an admin may have added the person, or changed their role, directly.
        var current = (await directory.FindAsync(request.RequesterAadObjectId, cancellationToken))?.Memberships.FirstOrDefault(m => m.UnitId == request.UnitId)?.Role;
        var status = current == role ? JoinRequest.AlreadyMember : approve ? JoinRequest.Approved : JoinRequest.Rejected;
        var decided = request with { Status = status, DecidedBy = turn.UserName ?? turn.UserAadObjectId };
        if (!await store.TryReplaceAsync(decided, version, cancellationToken))
        {
            return CardActionResult.Say(new OutgoingMessage(language.Pick(
                "另一位管理员刚刚处理了这条申请，请刷新后查看结果。", "Another administrator has just handled this request.")));
        }
        if (status == JoinRequest.Approved)
        {
            var existing = (await roster.ListForPersonAsync(request.RequesterAadObjectId, cancellationToken)).FirstOrDefault();
            await roster.UpsertAsync(new RosterEntry(request.RequesterAadObjectId, request.UnitId, RosterRoles.Stored(role), request.RequesterAadObjectId,
                existing?.Email, request.RequesterName ?? existing?.DisplayName), cancellationToken);
        }
        LogDecided(logger, request.Id, decided.Status, request.RequesterAadObjectId, request.UnitId);
        await UpdateAdminCardsAsync(decided, turn.ConversationId, cancellationToken);
        await TellRequesterAsync(decided, JoinRequestTexts.Outcome(decided, role, current, Unit(request.UnitId)), cancellationToken);
        return CardActionResult.Replace(RequestCard(decided, language),
            new OutgoingMessage(JoinRequestTexts.Decided(decided, role, current, Unit(request.UnitId), language)));
    }

    public Cards.AdaptiveCard RequestCard(JoinRequest request, Language language)
    {
        var role = RosterRoles.Parse(request.Role) ?? RosterRole.Member;
        var pending = request.Status == JoinRequest.Pending;
        var unitEn = Unit(request.UnitId)?.NameEn ?? request.UnitId;
        var facts = new List<(string, string)>
        {
            (language.Pick("申请人", "Requested by"), MarkdownText.Literal(request.RequesterName ?? request.RequesterAadObjectId)),
            (language.Pick("单位", "Unit"), language.Pick(request.UnitId, $"{unitEn} ({request.UnitId})")),
            (language.Pick("角色", "Role"), RosterRoles.Display(role, language)),
        };
        if (RosterRoles.Parse(request.CurrentRole) is { } before)
        {
            facts.Add((language.Pick("原角色", "Role until now"), RosterRoles.Display(before, language)));
        }
        facts.Add((language.Pick("申请时间", "Requested at"), request.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        if (!pending)
        {
            var outcome = StatusText(request.Status, language);
            facts.Add((language.Pick("结果", "Outcome"), request.DecidedBy is null ? outcome : language.Pick($"{outcome}（{MarkdownText.Literal(request.DecidedBy)}）", $"{outcome} ({MarkdownText.Literal(request.DecidedBy)})")));
        }
        var hint = request.Status switch
        {
            JoinRequest.Pending => language.Pick("请核实后批准或拒绝；申请人会收到结果通知。", "Check and approve or reject; the requester is told the outcome."),
            JoinRequest.Superseded => language.Pick("申请人已提交新的申请，此申请无需处理。", "The requester has sent a newer request; nothing to do here."),
            _ => language.Pick("此申请已处理。", "This request has been handled."),
        };
        return RosterCards.Card(
            language.Pick("加入单位申请", "Request to join a unit"),
            hint,
            [RosterCards.Facts(facts)],
            pending
                ? [RosterCards.Action(language.Pick("批准", "Approve"), RosterVerbs.Data(RosterVerbs.Approve, language, request.Id)),
                   RosterCards.Action(language.Pick("拒绝", "Reject"), RosterVerbs.Data(RosterVerbs.Reject, language, request.Id))]
                : [],
            language);
    }

    /// <summary>Retires a pending request the person replaced; false when an admin decided it first.</summary>
    private async Task<bool> SupersedeAsync(string requestId, CancellationToken cancellationToken)
    {
        var (request, version) = await store.GetAsync(requestId, cancellationToken);
        if (request?.Status != JoinRequest.Pending)
        {
            return false;
        }
        var retired = request with { Status = JoinRequest.Superseded };
        if (!await store.TryReplaceAsync(retired, version, cancellationToken))
        {
            return false;
        }
        LogSuperseded(logger, request.Id, request.RequesterAadObjectId, request.UnitId);
        await UpdateAdminCardsAsync(retired, null, cancellationToken);
        return true;
    }

    private async Task<(List<string> Reached, List<string> Unreachable)> SendToAdminsAsync(JoinRequest request, IReadOnlyList<RosterPerson> admins, CancellationToken cancellationToken)
    {
        var reached = new List<string>();
        var unreachable = new List<string>();
        var cards = new List<AdminCard>();
        foreach (var admin in admins)
        {
            var name = RosterDirectory.DisplayName(admin);
            var chat = EmailKeys.IsEmailKey(admin.AadObjectId) ? null : await references.FindPersonalChatAsync(admin.AadObjectId, cancellationToken);
            if (chat is null)
            {
                unreachable.Add(name);
                LogAdminUnreachable(logger, name, request.Id);
                continue;
            }
            try
            {
                var activity = MessageActivityFactory.Create(RequestMessage(request, Language.Chinese),
                    new ConversationAccount { Id = chat.ConversationId }, chat.BotId is null ? null : new ChannelAccount { Id = chat.BotId });
                var sent = await connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId, activity, cancellationToken);
                cards.Add(new AdminCard(admin.AadObjectId, chat.ServiceUrl, chat.ConversationId, chat.BotId, sent.Id ?? ""));
                reached.Add(name);
            }
            catch (Exception e) when (e is ConnectorException or HttpRequestException)
            {
                unreachable.Add(name);
                LogAdminSendFailed(logger, e, name, request.Id);
            }
        }
        await store.SaveCardsAsync(request.Id, cards, cancellationToken);
        return (reached, unreachable);
    }

    /// <summary>Puts the request's current state on every admin's copy, except the one in <paramref name="exceptConversation"/>.</summary>
    private async Task UpdateAdminCardsAsync(JoinRequest request, string? exceptConversation, CancellationToken cancellationToken)
    {
        foreach (var card in request.AdminCards.Where(c => c.ConversationId != exceptConversation && c.ActivityId.Length > 0))
        {
            try
            {
                var activity = MessageActivityFactory.Create(RequestMessage(request, Language.Chinese),
                    new ConversationAccount { Id = card.ConversationId }, card.BotId is null ? null : new ChannelAccount { Id = card.BotId }, forUpdate: true);
                await connector.UpdateActivityAsync(card.ServiceUrl, card.ConversationId, card.ActivityId, activity, cancellationToken);
            }
            catch (Exception e) when (e is ConnectorException or HttpRequestException)
            {
                LogCardUpdateFailed(logger, e, request.Id, card.ConversationId);
            }
        }
    }

    private async Task TellRequesterAsync(JoinRequest request, string text, CancellationToken cancellationToken)
    {
        try
        {
            var activity = MessageActivityFactory.Create(new OutgoingMessage(text), new ConversationAccount { Id = request.ReplyConversationId },
                request.ReplyBotId is null ? null : new ChannelAccount { Id = request.ReplyBotId });
            await connector.SendToConversationAsync(request.ReplyServiceUrl, request.ReplyConversationId, activity, cancellationToken);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            LogRequesterNotTold(logger, e, request.Id);
        }
    }

    private OutgoingMessage RequestMessage(JoinRequest request, Language language) =>
        new(language.Pick(
            $"加入申请：{MarkdownText.Literal(request.RequesterName ?? request.RequesterAadObjectId)} 申请成为{request.UnitId}的{RosterRoles.Display(RosterRoles.Parse(request.Role) ?? RosterRole.Member, language)}。",
            $"Join request: {MarkdownText.Literal(request.RequesterName ?? request.RequesterAadObjectId)} asks to become {RosterRoles.EnglishWithArticle(RosterRoles.Parse(request.Role) ?? RosterRole.Member)} of {JoinRequestTexts.TheUnitEn(request.UnitId, Unit(request.UnitId))}."),
            RequestCard(request, language))
        { TextOnlyWithoutCards = true };

    private Measures.Registry.Unit? Unit(string unitId) => units.Find(unitId);

    private static string StatusText(string status, Language language) => status switch
    {
        JoinRequest.Approved => language.Pick("已批准", "approved"),
        JoinRequest.Rejected => language.Pick("已拒绝", "rejected"),
        JoinRequest.Superseded => language.Pick("已被新申请取代", "replaced by a newer request"),
        JoinRequest.AlreadyMember => language.Pick("申请人已有该角色，无需审批", "the requester already had that role"),
        _ => language.Pick("待审批", "pending"),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster: no administrator is configured; a request to join {UnitId} cannot be approved")]
    private static partial void LogNoAdmins(ILogger logger, string unitId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster: administrator {Admin} has no stored 1:1 chat with GiBot; join request {RequestId} was not sent to them")]
    private static partial void LogAdminUnreachable(ILogger logger, string admin, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster: sending join request {RequestId} to administrator {Admin} failed")]
    private static partial void LogAdminSendFailed(ILogger logger, Exception exception, string admin, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster: join request {RequestId} {Status} ({AadObjectId} → {UnitId})")]
    private static partial void LogDecided(ILogger logger, string requestId, string status, string aadObjectId, string unitId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster: join request {RequestId} replaced by a newer one ({AadObjectId} → {UnitId})")]
    private static partial void LogSuperseded(ILogger logger, string requestId, string aadObjectId, string unitId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster: updating the card of join request {RequestId} in {ConversationId} failed")]
    private static partial void LogCardUpdateFailed(ILogger logger, Exception exception, string requestId, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster: telling the requester of join request {RequestId} the outcome failed")]
    private static partial void LogRequesterNotTold(ILogger logger, Exception exception, string requestId);
}
