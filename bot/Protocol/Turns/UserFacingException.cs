using GiBot.Localization;

namespace GiBot.Protocol.Turns;

/// <summary>
/// A failure whose cause the user should hear in plain words (e.g. storage is down, nothing was
/// saved) instead of the generic apology. The router answers with <see cref="UserMessage"/>.
/// </summary>
public abstract class UserFacingException(string message, Exception? inner = null) : Exception(message, inner)
{
    public abstract string UserMessage(Language language);
}
