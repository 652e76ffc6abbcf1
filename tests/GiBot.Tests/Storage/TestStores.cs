using GiBot.Storage.Sql;
using Microsoft.Extensions.Caching.Memory;

namespace GiBot.Tests.Storage;

/// <summary>Every store over one database, as one bot instance would have them.</summary>
public sealed class TestStores(StorageDatabase database, TimeProvider time)
{
    public StorageDatabase Database { get; } = database;

    public IMemoryCache Cache { get; } = new MemoryCache(new MemoryCacheOptions());

    public SqlConversationReferenceStore Conversations => field ??= new(Database, Cache, time);

    public SqlRosterStore Roster => field ??= new(Database, Cache, time);

    public SqlProgressUpdateStore Updates => field ??= new(Database, time);

    public SqlDialogDraftStore Drafts => field ??= new(Database, time);

    public SqlRelayOutbox Outbox => field ??= new(Database, time);

    public SqlReminderStore Reminders => field ??= new(Database, time);

    public SqlProcessedActivityStore Activities => field ??= new(Database, time);

    public SqlBotSettingsStore Settings => field ??= new(Database, time);
}
