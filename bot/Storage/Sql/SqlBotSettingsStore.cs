using System.Data.Common;

namespace GiBot.Storage.Sql;

public sealed class SqlBotSettingsStore(StorageDatabase database, TimeProvider time) : IBotSettingsStore
{
    public Task<BotSetting?> GetAsync(string key, CancellationToken cancellationToken) =>
        database.RunAsync(connection => connection.QuerySingleAsync(
            "SELECT setting_key, value, version, updated_at FROM bot_settings WHERE setting_key = @key", null, Read, cancellationToken, ("key", key)), cancellationToken);

    public async Task<int> SetAsync(string key, string value, CancellationToken cancellationToken) =>
        (await database.RunAsync(connection => connection.QueryAsync("""
            INSERT INTO bot_settings (setting_key, value, version, updated_at) VALUES (@key, @value, 1, @now)
            ON CONFLICT (setting_key) DO UPDATE SET value = excluded.value, version = bot_settings.version + 1, updated_at = excluded.updated_at
            RETURNING version
            """, null, r => r.Int("version")!.Value, cancellationToken, ("key", key), ("value", value), ("now", time.GetUtcNow())), cancellationToken))[0];

    public async Task<bool> TrySetAsync(string key, string value, int expectedVersion, CancellationToken cancellationToken)
    {
        if (expectedVersion == 0)
        {
            return await database.RunAsync(connection => connection.ExecuteAsync("""
                INSERT INTO bot_settings (setting_key, value, version, updated_at) VALUES (@key, @value, 1, @now)
                ON CONFLICT (setting_key) DO NOTHING
                """, null, cancellationToken, ("key", key), ("value", value), ("now", time.GetUtcNow())), cancellationToken) == 1;
        }
        return await database.RunAsync(connection => connection.ExecuteAsync(
            "UPDATE bot_settings SET value = @value, version = version + 1, updated_at = @now WHERE setting_key = @key AND version = @expected",
            null, cancellationToken, ("value", value), ("now", time.GetUtcNow()), ("key", key), ("expected", expectedVersion)), cancellationToken) == 1;
    }

    private static BotSetting Read(DbDataReader r) =>
        new(r.RequiredText("setting_key"), r.RequiredText("value"), r.Int("version")!.Value, r.RequiredTime("updated_at"));
}
