namespace GiBot.Storage.Sql;

/// <summary>One processed activity id as the ledger stores it; <see cref="Stamp"/> comes from <see cref="LedgerStamp.ToRecord"/>.</summary>
internal readonly record struct LedgerRow(string ConversationId, string ActivityId, long Stamp, DateTimeOffset ProcessedAt);
