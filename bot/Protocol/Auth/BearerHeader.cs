using Microsoft.Extensions.Primitives;

namespace GiBot.Protocol.Auth;

/// <summary>
/// The Authorization header as the Bot Framework reads it: one header, exactly two space-separated
/// parts, the first exactly <c>Bearer</c> (protocol.md 1.2 step 1).
/// </summary>
public static class BearerHeader
{
    /// <summary>The token, or null with the reason it could not be read.</summary>
    public static string? Read(StringValues authorization, out string? problem)
    {
        problem = null;
        if (authorization.Count == 0)
        {
            problem = "no Authorization header";
            return null;
        }
        if (authorization.Count > 1)
        {
            problem = "more than one Authorization header";
            return null;
        }
        var parts = (authorization[0] ?? "").Split(' ');
        if (parts.Length != 2 || parts[0] != "Bearer" || parts[1].Length == 0)
        {
            problem = "the Authorization header is not 'Bearer <token>'";
            return null;
        }
        return parts[1];
    }
}
