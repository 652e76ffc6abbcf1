using System.Text.Json.Serialization;

namespace GiBot.Roster.Teams;

/// <summary>
/// A person's request to join a unit, kept in the bot settings store under <c>roster.join.&lt;id&gt;</c>
/// (versioned, so two admins deciding at once cannot both win).
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
    string? DecidedBy = null)
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public static string Key(string id) => "roster.join." + id;
}

/// <summary>Where the request card went to an admin, so every copy can be updated once decided.</summary>
public sealed record AdminCard(string AdminAadObjectId, string ServiceUrl, string ConversationId, string? BotId, string ActivityId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JoinRequest))]
internal sealed partial class RosterJson : JsonSerializerContext;
