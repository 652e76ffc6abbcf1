namespace GiBot.Protocol.Auth;

public static class BotAuthenticationDefaults
{
    /// <summary>Raw JWT claim carrying the service URL the token is bound to.</summary>
    public const string ServiceUrlClaim = "serviceurl";
}
