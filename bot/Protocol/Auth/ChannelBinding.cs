using GiBot.Protocol.Schema;

namespace GiBot.Protocol.Auth;

/// <summary>
/// The two checks that need the activity as well as the token (protocol.md 1.2 steps 5 and 6):
/// the token's <c>serviceurl</c> claim equals <c>activity.serviceUrl</c>, and the signing key is
/// endorsed for <c>activity.channelId</c>. Run by the messages endpoint right after it parses the body.
/// </summary>
public static class ChannelBinding
{
    /// <summary>Null when the activity may be processed, otherwise the reason (for the log, never the wire).</summary>
    public static string? Check(ChannelIdentity identity, Activity activity)
    {
        if (identity.IsLocalMode)
        {
            return null;
        }
        if (string.IsNullOrEmpty(identity.ServiceUrl))
        {
            return "token has no serviceurl claim";
        }
        if (!string.Equals(identity.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "serviceurl claim mismatch";
        }
        if (activity.ChannelId is null || !identity.Endorsements.Contains(activity.ChannelId))
        {
            return $"signing key is not endorsed for channel '{activity.ChannelId}'";
        }
        return null;
    }
}
