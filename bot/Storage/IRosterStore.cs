namespace GiBot.Storage;

/// <summary>Person ↔ unit memberships with a role. Reads are cached; every write invalidates the cache.</summary>
public interface IRosterStore
{
    Task<IReadOnlyList<RosterEntry>> ListAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<RosterEntry>> ListForPersonAsync(string personId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RosterEntry>> ListForUnitAsync(string unitId, CancellationToken cancellationToken);

    /// <summary>Adds the membership or changes its role and contact fields.</summary>
    Task UpsertAsync(RosterEntry entry, CancellationToken cancellationToken);

    /// <summary>True when a membership was removed.</summary>
    Task<bool> RemoveAsync(string personId, string unitId, CancellationToken cancellationToken);
}
