using System.Text.Json.Serialization;

namespace GiBot.Roster.Teams;

/// <summary>
/// A person's request to join a unit, kept in the bot settings store under <c>roster.join.&lt;id&gt;</c>
/// (versioned, so two admins deciding at once cannot both win). <see cref="CurrentRole"/> is the role the person
/// already had in the unit when asking, so the admin sees a role change as one.
/// </summary>
public sealed record JoinRequest(
    string Id,
    string RequesterAadObjectId,
    string? RequesterName,
    string UnitId,
    string Role,
    string Language,
    string ReplyServiceUrl,
    string ReplyConversationId,
    string? ReplyBotId,
    DateTimeOffset CreatedAt,
    List<AdminCard> AdminCards,
    string Status = JoinRequest.Pending,
    string? DecidedBy = null,
    string? CurrentRole = null)
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    /// <summary>The person asked again for the same unit with another role before anyone decided.</summary>
    public const string Superseded = "superseded";

    /// <summary>When an admin decided, the person already had the role asked for (an admin had added them directly).</summary>
    public const string AlreadyMember = "already-member";

    public static string Key(string id) => "roster.join." + id;

    /// <summary>Where the id of the person's latest request for the unit is kept.</summary>
    public static string LatestKey(string aadObjectId, string unitId) => $"roster.join-latest.{aadObjectId.ToLowerInvariant()}.{unitId}";
}

/// <summary>Where the request card went to an admin, so every copy can be updated once decided.</summary>
public sealed record AdminCard(string AdminAadObjectId, string ServiceUrl, string ConversationId, string? BotId, string ActivityId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JoinRequest))]
internal sealed partial class RosterJson : JsonSerializerContext;
