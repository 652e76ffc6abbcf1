namespace GiBot.Storage;

/// <summary>
/// One person's membership of one unit. <see cref="PersonId"/> is the aadObjectId when known,
/// otherwise whatever stable key the roster feature chooses (e.g. <c>email:someone@example.org</c>
/// until the person is resolved). A person in several units has several entries.
/// </summary>
public sealed record RosterEntry(
    string PersonId,
    string UnitId,
    string Role,
    string? AadObjectId,
    string? Email,
    string? DisplayName,
    DateTimeOffset UpdatedAt = default);
