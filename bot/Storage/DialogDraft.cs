namespace GiBot.Storage;

/// <summary>A half-filled dialog. <see cref="Scope"/> is chosen by the feature (e.g. <c>update/8</c>); the payload is opaque JSON.</summary>
public sealed record DialogDraft(string UserId, string Scope, string Payload, DateTimeOffset UpdatedAt);
