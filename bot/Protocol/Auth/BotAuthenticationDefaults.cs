namespace GiBot.Protocol.Auth;

public static class BotAuthenticationDefaults
{
    /// <summary>The authentication scheme that guards <c>/api/messages</c>.</summary>
    public const string Scheme = "BotFramework";

    /// <summary>The authorization policy name used on the messages endpoint.</summary>
    public const string Policy = "BotFrameworkChannel";

    /// <summary>Authentication type of the identity given to unauthenticated requests in local mode.</summary>
    public const string LocalModeAuthenticationType = "anonymous-local";

    /// <summary>Raw JWT claim carrying the service URL the token is bound to.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Claim added by GiBot's handler, one per endorsement of the signing key.</summary>
    public const string EndorsementClaim = "gibot:endorsement";
}
