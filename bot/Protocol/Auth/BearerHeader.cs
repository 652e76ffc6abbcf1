using Microsoft.Extensions.Primitives;

namespace GiBot.Protocol.Auth;

/// <summary>
/// The Authorization header as the Bot Framework reads it: one header, exactly two space-separated
/// parts, the first exactly <c>Bearer</c> (protocol.md 1.2 step 1).
/// </summary>
public static class BearerHeader
{
    private const string Scheme = "Bearer ";

    /// <summary>
    /// The token as a slice of the header (no copy: a token already validated is looked up by it), or false with the
    /// reason. The same rule as splitting on spaces into exactly two parts: the header is <c>Bearer</c>, one space and
    /// a non-empty token without spaces.
    /// </summary>
    public static bool TryRead(StringValues authorization, out ReadOnlySpan<char> token, out string? problem)
    {
        token = default;
        problem = null;
        if (authorization.Count == 0)
        {
            problem = "no Authorization header";
            return false;
        }
        if (authorization.Count > 1)
        {
            problem = "more than one Authorization header";
            return false;
        }
        var header = (authorization[0] ?? "").AsSpan();
        if (!header.StartsWith(Scheme, StringComparison.Ordinal) || header.Length == Scheme.Length
            || header[Scheme.Length..].Contains(' '))
        {
            problem = "the Authorization header is not 'Bearer <token>'";
            return false;
        }
        token = header[Scheme.Length..];
        return true;
    }
}
