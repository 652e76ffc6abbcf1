using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GiBot.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace GiBot.Tests.Auth;

/// <summary>Tokens as the channel would send them, and the forgeries the bot must refuse.</summary>
public static class ChannelTokens
{
    public const string AppId = "00000000-0000-0000-0000-00000000b07a";

    private static readonly Dictionary<string, object> ChannelClaims = new() { ["appid"] = "channel-app-id", ["ver"] = "1.0" };

    /// <summary>A correctly signed channel token; every field can be bent for a negative case.</summary>
    public static string Create(ChannelKey key, string serviceUrl, string audience = AppId, string issuer = FakeCloud.Issuer,
        DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, string algorithm = SecurityAlgorithms.RsaSha256) =>
        key.CreateToken(audience, serviceUrl, issuer, notBefore, expires, algorithm, ChannelClaims);

    /// <summary>The claims of a valid token, unsigned (<c>alg: none</c>).</summary>
    public static string Unsigned(ChannelKey key, string serviceUrl) =>
        Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = key.KeyId }, Payload(serviceUrl)) + ".";

    /// <summary>The classic key-confusion forgery: HS256 with the RSA public key (PEM) as the HMAC secret.</summary>
    public static string HmacWithPublicKey(ChannelKey key, string serviceUrl)
    {
        var signingInput = Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = key.KeyId }, Payload(serviceUrl));
        var secret = Encoding.UTF8.GetBytes(key.Rsa.ExportSubjectPublicKeyInfoPem());
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>A valid token whose payload was edited after signing (here: a later expiry).</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["exp"] = payload["exp"]!.GetValue<long>() + 3600;
        return parts[0] + "." + Base64UrlEncoder.Encode(payload.ToJsonString()) + "." + parts[2];
    }

    private static JsonObject Payload(string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["iss"] = FakeCloud.Issuer,
            ["aud"] = AppId,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["serviceurl"] = serviceUrl,
        };
    }

    private static string Encode(JsonObject header, JsonObject payload) =>
        Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(payload.ToJsonString());
}
