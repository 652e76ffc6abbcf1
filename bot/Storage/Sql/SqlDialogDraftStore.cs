using System.Data.Common;

namespace GiBot.Storage.Sql;

public sealed class SqlDialogDraftStore(StorageDatabase database, TimeProvider time) : IDialogDraftStore
{
    public Task<DialogDraft?> GetAsync(string userId, string scope, CancellationToken cancellationToken) =>
        database.RunAsync(connection => connection.QuerySingleAsync(
            "SELECT user_id, scope, payload, updated_at FROM dialog_drafts WHERE user_id = @user AND scope = @scope",
            null, Read, cancellationToken, ("user", userId), ("scope", scope)), cancellationToken);

    public async Task<IReadOnlyList<DialogDraft>> ListForUserAsync(string userId, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.QueryAsync(
            "SELECT user_id, scope, payload, updated_at FROM dialog_drafts WHERE user_id = @user ORDER BY updated_at DESC, scope",
            null, Read, cancellationToken, ("user", userId)), cancellationToken);

    public Task SaveAsync(string userId, string scope, string payload, CancellationToken cancellationToken) =>
        database.RunAsync(connection => connection.ExecuteAsync("""
            INSERT INTO dialog_drafts (user_id, scope, payload, updated_at) VALUES (@user, @scope, @payload, @now)
            ON CONFLICT (user_id, scope) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at
            """, null, cancellationToken, ("user", userId), ("scope", scope), ("payload", payload), ("now", time.GetUtcNow())), cancellationToken);

    public async Task<bool> DeleteAsync(string userId, string scope, CancellationToken cancellationToken) =>
        await database.RunAsync(connection => connection.ExecuteAsync(
            "DELETE FROM dialog_drafts WHERE user_id = @user AND scope = @scope",
            null, cancellationToken, ("user", userId), ("scope", scope)), cancellationToken) > 0;

    private static DialogDraft Read(DbDataReader r) =>
        new(r.RequiredText("user_id"), r.RequiredText("scope"), r.RequiredText("payload"), r.RequiredTime("updated_at"));
}
