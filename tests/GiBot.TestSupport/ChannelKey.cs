using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GiBot.Tests.Infrastructure;

/// <summary>A channel signing key: an RSA key pair, its <c>kid</c> and the channels it is endorsed for.</summary>
public sealed class ChannelKey(string keyId, params string[] endorsements) : IDisposable
{
    private static readonly JsonWebTokenHandler Handler = new();

    public string KeyId { get; } = keyId;

    public IReadOnlyList<string> Endorsements { get; } = endorsements;

    public RSA Rsa { get; } = RSA.Create(2048);

    public SigningCredentials SigningCredentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(Rsa) { KeyId = KeyId }, algorithm);

    /// <summary>
    /// A token as the Bot Connector signs it with this key: <c>iss</c>, <c>aud</c>, <c>serviceurl</c>,
    /// <c>nbf</c> (a minute ago unless given), <c>exp</c> (in an hour unless given), the kid in the header;
    /// <paramref name="claims"/> adds more.
    /// </summary>
    public string CreateToken(string audience, string serviceUrl, string issuer = FakeCloud.Issuer, DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null, string algorithm = SecurityAlgorithms.RsaSha256, IReadOnlyDictionary<string, object>? claims = null)
    {
        var now = DateTimeOffset.UtcNow;
        var start = notBefore ?? now.AddMinutes(-1);
        var all = new Dictionary<string, object>(claims ?? new Dictionary<string, object>(), StringComparer.Ordinal) { ["serviceurl"] = serviceUrl };
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = start.UtcDateTime,
            NotBefore = start.UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            Claims = all,
            SigningCredentials = SigningCredentials(algorithm),
        });
    }

    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        };
    }

    public void Dispose() => Rsa.Dispose();
}
