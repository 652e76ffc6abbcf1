using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GiBot.Load;

/// <summary>
/// The channel's signing key and the RS256 tokens it issues, as the Bot Connector sends them:
/// iss https://api.botframework.com, aud = the bot's app id, a serviceurl claim, the key's kid.
/// </summary>
public sealed class ChannelSigner : IDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "gibot-load-key";

    private readonly RSA _rsa = RSA.Create(2048);

    /// <summary>The keys document (JWKS) with the key endorsed for Teams.</summary>
    public string KeysDocument()
    {
        var p = _rsa.ExportParameters(false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA",
                    use = "sig",
                    kid = KeyId,
                    n = Base64Url.EncodeToString(p.Modulus),
                    e = Base64Url.EncodeToString(p.Exponent),
                    endorsements = new[] { "msteams" },
                },
            },
        });
    }

    /// <summary>
    /// A token valid for an hour. Teams reuses one token for many requests, so the generator signs
    /// once and does not spend its CPU on RSA per request.
    /// </summary>
    public string CreateToken(string audience, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow;
        var header = JsonSerializer.Serialize(new { alg = "RS256", typ = "JWT", kid = KeyId, x5t = KeyId });
        var payload = JsonSerializer.Serialize(new
        {
            serviceurl = serviceUrl,
            nbf = now.AddMinutes(-1).ToUnixTimeSeconds(),
            exp = now.AddHours(1).ToUnixTimeSeconds(),
            iss = Issuer,
            aud = audience,
        });
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var signature = _rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public void Dispose() => _rsa.Dispose();
}
