using System.Text.Json;
using GiBot.Localization;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Schema;
using GiBot.Protocol.Turns;

namespace GiBot.Roster.Teams;

/// <summary>
/// Finds whom an admin command names: an @mention (its id and aadObjectId), an email, an aadObjectId or
/// a display name, looked up on the roster first and then among the conversation's members through the
/// connector (in a channel, the team's members).
/// </summary>
public sealed partial class PersonResolver(RosterDirectory directory, IConnectorClient connector, ILogger<PersonResolver> logger)
{
    private const int MaxMemberPages = 50;

    public async Task<PersonLookup> ResolveAsync(TurnContext turn, string who, CancellationToken cancellationToken)
    {
        if (Mentioned(turn) is { } mention)
        {
            return new PersonLookup(await FromMentionAsync(turn, mention, cancellationToken));
        }
        who = who.Trim().Trim('"', '“', '”', '\'');
        if (who.Length == 0)
        {
            return new PersonLookup(null,
                "请写明人员：邮箱、姓名，或在频道中 @提及 此人。",
                "Please name the person: an email, a name, or @mention them in a channel.");
        }
        var people = await directory.PeopleAsync(cancellationToken);
        var onRoster = people.Where(p => string.Equals(p.AadObjectId, who, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Email, who, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Name, who, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (onRoster.Length == 1)
        {
            var p = onRoster[0];
            return new PersonLookup(new PersonTarget(p.AadObjectId, EmailKeys.IsEmailKey(p.AadObjectId) ? null : p.AadObjectId, p.Email, p.Name));
        }
        if (onRoster.Length > 1)
        {
            return Ambiguous(who, onRoster.Select(p => p.Email ?? p.AadObjectId));
        }
        IReadOnlyList<ChannelAccount> members;
        try
        {
            members = await MembersAsync(turn, cancellationToken);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            LogMembersUnavailable(logger, turn.ConversationId, e.Message);
            members = [];
        }
        var email = EmailKeys.LooksLikeEmail(who);
        var matches = members.Where(m => email
            ? MemberEmail.Addresses(m).Contains(who, StringComparer.OrdinalIgnoreCase)
            : string.Equals(m.Name, who, StringComparison.OrdinalIgnoreCase) || string.Equals(m.AadObjectId, who, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (matches.Length == 0 && !email)
        {
            matches = members.Where(m => m.Name?.Contains(who, StringComparison.OrdinalIgnoreCase) == true).ToArray();
        }
        if (matches.Length == 1)
        {
            return new PersonLookup(FromMember(matches[0]));
        }
        if (matches.Length > 1)
        {
            return Ambiguous(who, matches.Select(m => MemberEmail.First(m) ?? m.Name ?? m.Id ?? "?"));
        }
        if (email)
        {
            // Not in this conversation: kept by email until they first write to GiBot.
            var address = who.ToLowerInvariant();
            return new PersonLookup(new PersonTarget(EmailKeys.For(address), null, address, null));
        }
        if (Guid.TryParse(who, out _))
        {
            return new PersonLookup(new PersonTarget(who.ToLowerInvariant(), who.ToLowerInvariant(), null, null));
        }
        return new PersonLookup(null,
            $"在成员名单和本会话的成员中都找不到“{MarkdownText.Literal(who)}”。请改用邮箱，或在团队频道中 @提及 此人后再试。",
            $"I cannot find \"{MarkdownText.Literal(who)}\" on the roster or among this conversation's members. Please use their email, or @mention them in a team channel.");
    }

    private static PersonLookup Ambiguous(string who, IEnumerable<string> candidates)
    {
        var list = string.Join("、", candidates.Take(5).Select(MarkdownText.Literal));
        return new PersonLookup(null,
            $"“{MarkdownText.Literal(who)}”对应多人（{list}），请改用邮箱或 @提及。",
            $"\"{MarkdownText.Literal(who)}\" matches several people ({list.Replace("、", ", ", StringComparison.Ordinal)}); please use an email or @mention.");
    }

    private async Task<PersonTarget> FromMentionAsync(TurnContext turn, ChannelAccount mention, CancellationToken cancellationToken)
    {
        ChannelAccount? member = null;
        if (mention.Id is { Length: > 0 } id)
        {
            try
            {
                member = await connector.GetConversationMemberAsync(turn.ServiceUrl, turn.ConversationId, id, cancellationToken);
            }
            catch (Exception e) when (e is ConnectorException or HttpRequestException)
            {
                LogMembersUnavailable(logger, turn.ConversationId, e.Message);
            }
        }
        var aad = mention.AadObjectId ?? member?.AadObjectId;
        var email = MemberEmail.First(member);
        var name = mention.Name ?? member?.Name;
        return new PersonTarget(aad ?? (email is null ? mention.Id! : EmailKeys.For(email)), aad, email, name);
    }

    private static PersonTarget FromMember(ChannelAccount member)
    {
        var email = MemberEmail.First(member);
        var key = member.AadObjectId ?? (email is null ? member.Id! : EmailKeys.For(email));
        return new PersonTarget(key, member.AadObjectId, email, member.Name);
    }

    private async Task<IReadOnlyList<ChannelAccount>> MembersAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var all = new List<ChannelAccount>();
        string? token = null;
        for (var page = 0; page < MaxMemberPages; page++)
        {
            var result = await connector.GetPagedMembersAsync(turn.ServiceUrl, turn.ConversationId, null, token, cancellationToken);
            all.AddRange(result.Members);
            token = result.ContinuationToken;
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }
        return all;
    }

    /// <summary>The first person @mentioned in the message other than the bot.</summary>
    public static ChannelAccount? Mentioned(TurnContext turn)
    {
        var botId = turn.Activity.Recipient?.Id;
        foreach (var entity in turn.Activity.Entities ?? [])
        {
            if (entity.ValueKind != JsonValueKind.Object
                || !entity.TryGetProperty("type", out var type) || type.GetString() != "mention"
                || !entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var id = Text(mentioned, "id");
            if (id is null || string.Equals(id, botId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            return new ChannelAccount { Id = id, Name = Text(mentioned, "name"), AadObjectId = Text(mentioned, "aadObjectId") };
        }
        return null;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster: could not read the members of {ConversationId}: {Reason}")]
    private static partial void LogMembersUnavailable(ILogger logger, string conversationId, string reason);
}
