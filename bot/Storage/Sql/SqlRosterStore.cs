using System.Data.Common;
using Microsoft.Extensions.Caching.Memory;

namespace GiBot.Storage.Sql;

/// <summary>
/// The roster is small and read on nearly every turn: the whole table is cached, evicted on every
/// write here and expired after <see cref="CacheLifetime"/> for writes made by other instances.
/// </summary>
public sealed class SqlRosterStore(StorageDatabase database, IMemoryCache memoryCache, TimeProvider time) : IRosterStore
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private const string CachePrefix = "gibot.roster:";

    // The whole table is one entry; its key is built once.
    private const string AllKey = CachePrefix + "all";

    private readonly InvalidatingCache _cache = new(memoryCache, CachePrefix, CacheLifetime);

    public Task<IReadOnlyList<RosterEntry>> ListAsync(CancellationToken cancellationToken) =>
        _cache.GetOrLoadAsync(AllKey, async () => (IReadOnlyList<RosterEntry>)await database.RunAsync(connection => connection.QueryAsync(
            "SELECT person_id, unit_id, role, aad_object_id, email, display_name, updated_at FROM roster_entries ORDER BY unit_id, person_id",
            null, Read, cancellationToken), cancellationToken));

    public async Task<IReadOnlyList<RosterEntry>> ListForPersonAsync(string personId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(e => string.Equals(e.PersonId, personId, StringComparison.OrdinalIgnoreCase)).ToList();

    public async Task<IReadOnlyList<RosterEntry>> ListForUnitAsync(string unitId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(e => e.UnitId == unitId).ToList();

    public async Task UpsertAsync(RosterEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await database.RunAsync(connection => connection.ExecuteAsync("""
                INSERT INTO roster_entries (person_id, unit_id, role, aad_object_id, email, display_name, updated_at)
                VALUES (@person, @unit, @role, @aad, @email, @name, @now)
                ON CONFLICT (person_id, unit_id) DO UPDATE SET
                    role = excluded.role, aad_object_id = excluded.aad_object_id, email = excluded.email,
                    display_name = excluded.display_name, updated_at = excluded.updated_at
                """, null, cancellationToken,
                ("person", entry.PersonId), ("unit", entry.UnitId), ("role", entry.Role), ("aad", entry.AadObjectId),
                ("email", entry.Email), ("name", entry.DisplayName), ("now", time.GetUtcNow())), cancellationToken);
        }
        finally
        {
            _cache.InvalidateAll();
        }
    }

    public async Task<bool> RemoveAsync(string personId, string unitId, CancellationToken cancellationToken)
    {
        try
        {
            return await database.RunAsync(connection => connection.ExecuteAsync(
                "DELETE FROM roster_entries WHERE person_id = @person AND unit_id = @unit",
                null, cancellationToken, ("person", personId), ("unit", unitId)), cancellationToken) > 0;
        }
        finally
        {
            _cache.InvalidateAll();
        }
    }

    private static RosterEntry Read(DbDataReader r) => new(
        r.RequiredText("person_id"), r.RequiredText("unit_id"), r.RequiredText("role"), r.Text("aad_object_id"),
        r.Text("email"), r.Text("display_name"), r.RequiredTime("updated_at"));
}
