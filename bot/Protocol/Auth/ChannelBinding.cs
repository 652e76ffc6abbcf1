using System.Security.Claims;
using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Auth;

/// <summary>
/// The two checks that need the activity as well as the token (protocol.md 1.2 steps 5 and 6):
/// the token's <c>serviceurl</c> claim equals <c>activity.serviceUrl</c>, and the signing key is
/// endorsed for <c>activity.channelId</c>. Run by the messages endpoint right after it parses the body.
/// </summary>
public static class ChannelBinding
{
    public static bool IsLocalMode(ClaimsPrincipal principal) =>
        principal.Identity?.AuthenticationType == BotAuthenticationDefaults.LocalModeAuthenticationType;

    /// <summary>Null when the activity may be processed, otherwise the reason (for the log, never the wire).</summary>
    public static string? Check(ClaimsPrincipal principal, Activity activity)
    {
        if (IsLocalMode(principal))
        {
            return null;
        }
        if (principal.Identity?.IsAuthenticated != true)
        {
            return "not authenticated";
        }
        var serviceUrl = principal.FindFirst(BotAuthenticationDefaults.ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return "token has no serviceurl claim";
        }
        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "serviceurl claim mismatch";
        }
        var endorsements = principal.FindAll(BotAuthenticationDefaults.EndorsementClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (activity.ChannelId is null || !endorsements.Contains(activity.ChannelId))
        {
            return $"signing key is not endorsed for channel '{activity.ChannelId}'";
        }
        return null;
    }
}
