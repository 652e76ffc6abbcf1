namespace GiBot.Storage.Migrations;

/// <summary>
/// Processed activity ids keyed by the activity's timestamp first (<see cref="LedgerStamp"/>), so new ids are appended
/// at the end of one B-tree instead of landing on a random page of the (conversation, activity) index, and the age index
/// goes: the purge reads the key's own order. SQLite stores the table without rowid (the key is the table). Ids already
/// recorded keep working: they move under <see cref="LedgerStamp.None"/>, which every lookup also tries.
/// </summary>
internal static class M0003StampedActivityLedger
{
    private const string Copy = """
        INSERT INTO processed_activities (stamped_at, conversation_id, activity_id, processed_at)
        SELECT 0, conversation_id, activity_id, processed_at FROM processed_activities_unstamped;
        DROP TABLE processed_activities_unstamped;
        """;

    private const string Sqlite = $"""
        ALTER TABLE processed_activities RENAME TO processed_activities_unstamped;
        CREATE TABLE processed_activities (
            stamped_at INTEGER NOT NULL,
            conversation_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            processed_at INTEGER NOT NULL,
            PRIMARY KEY (stamped_at, conversation_id, activity_id)
        ) WITHOUT ROWID;
        {Copy}
        """;

    // The renamed table keeps its constraint's name, so the new key is named apart.
    private const string Postgres = $"""
        ALTER TABLE processed_activities RENAME TO processed_activities_unstamped;
        CREATE TABLE processed_activities (
            stamped_at BIGINT NOT NULL,
            conversation_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            processed_at BIGINT NOT NULL,
            CONSTRAINT pk_processed_activities_stamped PRIMARY KEY (stamped_at, conversation_id, activity_id)
        );
        {Copy}
        """;

    public static Migration Migration { get; } = new(3, "stamped activity ledger", Sqlite, Postgres);
}
