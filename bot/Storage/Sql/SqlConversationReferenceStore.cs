using System.Data.Common;
using Microsoft.Extensions.Caching.Memory;

namespace GiBot.Storage.Sql;

/// <summary>
/// Conversation references with a read-through cache. An upsert evicts the keys it affects; a
/// removal evicts every cached reference. Entries also expire after <see cref="CacheLifetime"/>,
/// which bounds how stale another instance's write can look here.
/// </summary>
public sealed class SqlConversationReferenceStore(StorageDatabase database, IMemoryCache memoryCache, TimeProvider time) : IConversationReferenceStore
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private const string Columns = "conversation_id, kind, service_url, tenant_id, bot_id, user_id, user_aad_object_id, user_name, team_id, team_name, channel_id, updated_at, removed_at, language";

    private readonly InvalidatingCache _cache = new(memoryCache, "gibot.conversation:", CacheLifetime);

    public async Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        await database.RunAsync(connection => connection.ExecuteAsync($"""
            INSERT INTO conversation_references ({Columns})
            VALUES (@id, @kind, @serviceUrl, @tenant, @bot, @user, @aad, @userName, @team, @teamName, @channel, @now, NULL, @language)
            ON CONFLICT (conversation_id) DO UPDATE SET
                kind = excluded.kind, service_url = excluded.service_url, tenant_id = excluded.tenant_id, bot_id = excluded.bot_id,
                user_id = excluded.user_id, user_aad_object_id = excluded.user_aad_object_id, user_name = excluded.user_name,
                team_id = excluded.team_id, team_name = excluded.team_name, channel_id = excluded.channel_id,
                updated_at = excluded.updated_at, removed_at = NULL,
                language = COALESCE(excluded.language, conversation_references.language)
            """, null, cancellationToken,
            ("id", reference.ConversationId), ("kind", reference.Kind), ("serviceUrl", reference.ServiceUrl), ("tenant", reference.TenantId),
            ("bot", reference.BotId), ("user", reference.UserId), ("aad", reference.UserAadObjectId), ("userName", reference.UserName),
            ("team", reference.TeamId), ("teamName", reference.TeamName), ("channel", reference.ChannelId), ("now", time.GetUtcNow()), ("language", reference.Language)), cancellationToken);
        _cache.Invalidate(ByIdKey(reference.ConversationId), reference.UserAadObjectId is null ? null : ByUserKey(reference.UserAadObjectId));
    }

    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        _cache.GetOrLoadAsync(ByIdKey(conversationId), () => database.RunAsync(connection => connection.QuerySingleAsync(
            $"SELECT {Columns} FROM conversation_references WHERE conversation_id = @id", null, Read, cancellationToken, ("id", conversationId)), cancellationToken));

    public Task<ConversationReference?> FindPersonalChatAsync(string userAadObjectId, CancellationToken cancellationToken) =>
        _cache.GetOrLoadAsync(ByUserKey(userAadObjectId), () => database.RunAsync(connection => connection.QuerySingleAsync($"""
            SELECT {Columns} FROM conversation_references
            WHERE user_aad_object_id = @aad AND kind = 'personal' AND removed_at IS NULL
            ORDER BY updated_at DESC
            """, null, Read, cancellationToken, ("aad", userAadObjectId)), cancellationToken));

    public async Task<IReadOnlyList<ConversationReference>> ListTeamChannelsAsync(string teamId, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.QueryAsync($"""
            SELECT {Columns} FROM conversation_references
            WHERE team_id = @team AND kind = 'channel' AND removed_at IS NULL
            ORDER BY conversation_id
            """, null, Read, cancellationToken, ("team", teamId)), cancellationToken);

    public async Task MarkRemovedAsync(string conversationId, CancellationToken cancellationToken)
    {
        await database.RunAsync(connection => connection.ExecuteAsync(
            "UPDATE conversation_references SET removed_at = @now WHERE conversation_id = @id AND removed_at IS NULL",
            null, cancellationToken, ("now", time.GetUtcNow()), ("id", conversationId)), cancellationToken);
        _cache.InvalidateAll();
    }

    public async Task MarkTeamRemovedAsync(string teamId, CancellationToken cancellationToken)
    {
        await database.RunAsync(connection => connection.ExecuteAsync(
            "UPDATE conversation_references SET removed_at = @now WHERE team_id = @team AND removed_at IS NULL",
            null, cancellationToken, ("now", time.GetUtcNow()), ("team", teamId)), cancellationToken);
        _cache.InvalidateAll();
    }

    private string ByIdKey(string conversationId) => _cache.Key("id:", conversationId);

    private string ByUserKey(string aadObjectId) => _cache.Key("user:", aadObjectId);

    private static ConversationReference Read(DbDataReader r) => new(
        r.RequiredText("conversation_id"), r.RequiredText("kind"), r.RequiredText("service_url"), r.Text("tenant_id"), r.Text("bot_id"),
        r.Text("user_id"), r.Text("user_aad_object_id"), r.Text("user_name"), r.Text("team_id"), r.Text("team_name"), r.Text("channel_id"),
        r.RequiredTime("updated_at"), r.Time("removed_at"), r.Text("language"));
}
