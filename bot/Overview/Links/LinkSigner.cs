using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GiBot.Overview.Links;

/// <summary>
/// Signs and checks links of the form <c>path?u=USER&amp;exp=UNIX_SECONDS&amp;sig=BASE64URL</c>. The signature is
/// HMAC-SHA256 over path, expiry and user, so changing any of them (or the signature) invalidates the link.
/// </summary>
public sealed class LinkSigner(SigningKeyProvider keys, TimeProvider time)
{
    public const string UserParameter = "u";
    public const string ExpiresParameter = "exp";
    public const string SignatureParameter = "sig";

    /// <summary>The query string (without '?') for <paramref name="path"/>, valid for <paramref name="lifetime"/>.</summary>
    public async Task<string> SignAsync(string path, string user, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Base64Url.EncodeToString(await MacAsync(path, expires, user, cancellationToken));
        return $"{UserParameter}={Uri.EscapeDataString(user)}&{ExpiresParameter}={expires}&{SignatureParameter}={signature}";
    }

    public async Task<LinkCheck> CheckAsync(string path, string? user, string? expires, string? signature, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return LinkCheck.Invalid;
        }
        byte[] given;
        try
        {
            given = Base64Url.DecodeFromChars(signature);
        }
        catch (FormatException)
        {
            return LinkCheck.Invalid;
        }
        var expected = await MacAsync(path, expires!, user, cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
        {
            return LinkCheck.Invalid;
        }
        return time.GetUtcNow().ToUnixTimeSeconds() > seconds ? LinkCheck.Expired : LinkCheck.Valid;
    }

    private async Task<byte[]> MacAsync(string path, string expires, string user, CancellationToken cancellationToken) =>
        HMACSHA256.HashData(await keys.GetAsync(cancellationToken), Encoding.UTF8.GetBytes($"{path}\n{expires}\n{user}"));
}
