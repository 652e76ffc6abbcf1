using System.Text.Json;
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
/// </summary>
public sealed partial class JoinRequests(
    RosterDirectory directory,
    UnitCatalog units,
    IRosterStore roster,
    IBotSettingsStore settings,
    IConversationReferenceStore references,
    IConnectorClient connector,
    TimeProvider time,
    ILogger<JoinRequests> logger)
{
    public async Task<OutgoingMessage> RequestAsync(TurnContext turn, string unitText, RosterRole role, CancellationToken cancellationToken)
    {
        var language = turn.Language;
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
        var person = await directory.FindAsync(aad, cancellationToken);
        if (person?.Memberships.Any(m => m.UnitId == unit.Name && m.Role == role) == true)
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
        var request = new JoinRequest(Guid.NewGuid().ToString("N"), aad, turn.UserName, unit.Name, RosterRoles.Stored(role), language.Tag(),
            reply?.ServiceUrl ?? turn.ServiceUrl, reply?.ConversationId ?? turn.ConversationId, reply?.BotId ?? turn.Activity.Recipient?.Id,
            time.GetUtcNow(), []);
        // Stored before the cards go out: an admin may press a button before this turn ends.
        await settings.SetAsync(JoinRequest.Key(request.Id), JsonSerializer.Serialize(request, RosterJson.Default.JoinRequest), cancellationToken);

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
        await SaveAsync(request with { AdminCards = cards }, cancellationToken);
        return RosterTexts.RequestSent(unit, role, reached, unreachable, language);
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
        var stored = await settings.GetAsync(JoinRequest.Key(requestId), cancellationToken);
        var request = stored is null ? null : JsonSerializer.Deserialize(stored.Value, RosterJson.Default.JoinRequest);
        if (stored is null || request is null)
        {
            return CardActionResult.Say(new OutgoingMessage(language.Pick(
                "找不到这条加入申请，可能已被删除。请让申请人重新发送“我是<单位>的联络员”。",
                "I cannot find this join request; it may have been removed. Ask the person to send \"I am the liaison of <unit>\" again.")));
        }
        if (request.Status != JoinRequest.Pending)
        {
            return CardActionResult.Replace(RequestCard(request, language), new OutgoingMessage(language.Pick(
                $"这条申请已由 {request.DecidedBy} 处理（{StatusText(request.Status, language)}），无需再次操作。",
                $"This request was already handled by {request.DecidedBy} ({StatusText(request.Status, language)}).")));
        }
        var decided = request with { Status = approve ? JoinRequest.Approved : JoinRequest.Rejected, DecidedBy = turn.UserName ?? turn.UserAadObjectId };
        if (!await settings.TrySetAsync(JoinRequest.Key(requestId), JsonSerializer.Serialize(decided, RosterJson.Default.JoinRequest), stored.Version, cancellationToken))
        {
            return CardActionResult.Say(new OutgoingMessage(language.Pick(
                "另一位管理员刚刚处理了这条申请，请刷新后查看结果。", "Another administrator has just handled this request.")));
        }
        var role = RosterRoles.Parse(request.Role) ?? RosterRole.Member;
        if (approve)
        {
            var existing = (await roster.ListForPersonAsync(request.RequesterAadObjectId, cancellationToken)).FirstOrDefault();
            await roster.UpsertAsync(new RosterEntry(request.RequesterAadObjectId, request.UnitId, RosterRoles.Stored(role), request.RequesterAadObjectId,
                existing?.Email, request.RequesterName ?? existing?.DisplayName), cancellationToken);
        }
        LogDecided(logger, request.Id, decided.Status, request.RequesterAadObjectId, request.UnitId);
        await UpdateOtherAdminCardsAsync(decided, turn.ConversationId, cancellationToken);
        await TellRequesterAsync(decided, role, cancellationToken);
        var requester = request.RequesterName ?? request.RequesterAadObjectId;
        return CardActionResult.Replace(RequestCard(decided, language), new OutgoingMessage(approve
            ? language.Pick($"已批准：{requester} 现为{request.UnitId}的{RosterRoles.Display(role, language)}，并已通知本人。",
                $"Approved: {requester} is now {RosterRoles.EnglishWithArticle(role)} of {TheUnitEn(request.UnitId)}; they have been told.")
            : language.Pick($"已拒绝 {requester} 加入{request.UnitId}的申请，并已通知本人。",
                $"Rejected {requester}'s request to join {TheUnitEn(request.UnitId)}; they have been told.")));
    }

    private async Task UpdateOtherAdminCardsAsync(JoinRequest request, string deciderConversation, CancellationToken cancellationToken)
    {
        foreach (var card in request.AdminCards.Where(c => c.ConversationId != deciderConversation && c.ActivityId.Length > 0))
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

    private async Task TellRequesterAsync(JoinRequest request, RosterRole role, CancellationToken cancellationToken)
    {
        var language = LanguageExtensions.ParseTag(request.Language);
        var text = request.Status == JoinRequest.Approved
            ? language.Pick(
                $"您加入{request.UnitId}的申请已获批准，您现在是该单位的{RosterRoles.Display(role, language)}。发送“我的措施”查看本单位负责的措施。",
                $"Your request to join {TheUnitEn(request.UnitId)} was approved: you are now its {RosterRoles.Display(role, language)}. Send \"my measures\" to see your unit's measures.")
            : language.Pick(
                $"很抱歉，您加入{request.UnitId}的申请未获批准（处理人：{request.DecidedBy}）。如有疑问请直接联系该管理员。",
                $"Sorry, your request to join {TheUnitEn(request.UnitId)} was not approved (decided by {request.DecidedBy}). Please contact that administrator if you have questions.");
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
            $"加入申请：{request.RequesterName ?? request.RequesterAadObjectId} 申请成为{request.UnitId}的{RosterRoles.Display(RosterRoles.Parse(request.Role) ?? RosterRole.Member, language)}。",
            $"Join request: {request.RequesterName ?? request.RequesterAadObjectId} asks to become {RosterRoles.EnglishWithArticle(RosterRoles.Parse(request.Role) ?? RosterRole.Member)} of {TheUnitEn(request.UnitId)}."),
            RequestCard(request, language))
        { TextOnlyWithoutCards = true };

    public Cards.AdaptiveCard RequestCard(JoinRequest request, Language language)
    {
        var role = RosterRoles.Parse(request.Role) ?? RosterRole.Member;
        var pending = request.Status == JoinRequest.Pending;
        var facts = new List<(string, string)>
        {
            (language.Pick("申请人", "Requested by"), request.RequesterName ?? request.RequesterAadObjectId),
            (language.Pick("单位", "Unit"), language.Pick(request.UnitId, $"{UnitEn(request.UnitId)} ({request.UnitId})")),
            (language.Pick("角色", "Role"), RosterRoles.Display(role, language)),
            (language.Pick("申请时间", "Requested at"), request.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (!pending)
        {
            facts.Add((language.Pick("结果", "Outcome"), language.Pick($"{StatusText(request.Status, language)}（{request.DecidedBy}）", $"{StatusText(request.Status, language)} ({request.DecidedBy})")));
        }
        return RosterCards.Card(
            language.Pick("加入单位申请", "Request to join a unit"),
            pending ? language.Pick("请核实后批准或拒绝；申请人会收到结果通知。", "Check and approve or reject; the requester is told the outcome.")
                : language.Pick("此申请已处理。", "This request has been handled."),
            [RosterCards.Facts(facts)],
            pending
                ? [RosterCards.Action(language.Pick("批准", "Approve"), RosterVerbs.Data(RosterVerbs.Approve, language, request.Id)),
                   RosterCards.Action(language.Pick("拒绝", "Reject"), RosterVerbs.Data(RosterVerbs.Reject, language, request.Id))]
                : [],
            language);
    }

    private async Task SaveAsync(JoinRequest request, CancellationToken cancellationToken)
    {
        // A decision may already have been stored by a fast admin: keep it, add the card list.
        var stored = await settings.GetAsync(JoinRequest.Key(request.Id), cancellationToken);
        var current = stored is null ? request : JsonSerializer.Deserialize(stored.Value, RosterJson.Default.JoinRequest) ?? request;
        await settings.SetAsync(JoinRequest.Key(request.Id), JsonSerializer.Serialize(current with { AdminCards = request.AdminCards }, RosterJson.Default.JoinRequest), cancellationToken);
    }

    private string UnitEn(string unitId) => units.Find(unitId)?.NameEn ?? unitId;

    private string TheUnitEn(string unitId) => units.Find(unitId) is { } unit ? UnitNames.TheEnglish(unit) : unitId;

    private static string StatusText(string status, Language language) => status switch
    {
        JoinRequest.Approved => language.Pick("已批准", "approved"),
        JoinRequest.Rejected => language.Pick("已拒绝", "rejected"),
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster: updating the card of join request {RequestId} in {ConversationId} failed")]
    private static partial void LogCardUpdateFailed(ILogger logger, Exception exception, string requestId, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster: telling the requester of join request {RequestId} the outcome failed")]
    private static partial void LogRequesterNotTold(ILogger logger, Exception exception, string requestId);
}
