namespace GiBot.Storage;

/// <summary>
/// The database could not be reached or refused a read or write. Nothing was saved by the call
/// that threw; features catch this and tell the user the bot is temporarily unavailable.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
