using GiBot.Hosting;
using GiBot.Protocol.Connector;
using GiBot.Protocol.Turns;
using GiBot.Storage.Migrations;
using GiBot.Storage.Sql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GiBot.Storage;

public static class StorageSetup
{
    /// <summary>
    /// The storage layer every feature uses: SQLite by default, PostgreSQL when
    /// <c>ConnectionStrings:Postgres</c> is set. Migrates at start; replaces the in-memory
    /// activity deduplicator whether it is called before or after <c>AddBotProtocol</c>.
    /// </summary>
    public static IServiceCollection AddGiBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton(sp => StorageOptions.From(configuration, sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => CreateDatabase(sp.GetRequiredService<StorageOptions>()));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<SqliteFileLock>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.AddHostedService<StorageMaintenance>();
        services.AddSingleton<IReadinessCheck, StorageReadinessCheck>();

        services.AddSingleton<IConversationReferenceStore, SqlConversationReferenceStore>();
        services.AddSingleton<IRosterStore, SqlRosterStore>();
        services.AddSingleton<IProgressUpdateStore, SqlProgressUpdateStore>();
        services.AddSingleton<IDialogDraftStore, SqlDialogDraftStore>();
        services.AddSingleton<IRelayOutbox, SqlRelayOutbox>();
        services.AddSingleton<IReminderStore, SqlReminderStore>();
        services.AddSingleton<IProcessedActivityStore, SqlProcessedActivityStore>();
        services.AddSingleton<IBotSettingsStore, SqlBotSettingsStore>();

        services.AddSingleton<IConversationLifecycleObserver, ConversationReferenceObserver>();
        services.TryAddSingleton<MemoryActivityDeduplicator>();
        services.TryAddSingleton<ConnectorClock>();
        services.AddSingleton<RecordedHereFilter>();
        services.Replace(ServiceDescriptor.Singleton<IActivityDeduplicator>(sp => new StorageActivityDeduplicator(
            sp.GetRequiredService<IProcessedActivityStore>(),
            sp.GetRequiredService<MemoryActivityDeduplicator>(),
            sp.GetRequiredService<ILogger<StorageActivityDeduplicator>>(),
            sp.GetRequiredService<RecordedHereFilter>(),
            sp.GetRequiredService<SqliteFileLock>())));
        return services;
    }

    public static StorageDatabase CreateDatabase(StorageOptions options) =>
        options.UsesPostgres ? new PostgresDatabase(options.PostgresConnectionString!) : new SqliteDatabase(options.SqlitePath);
}
