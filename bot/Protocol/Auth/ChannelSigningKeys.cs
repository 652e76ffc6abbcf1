using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace GiBot.Protocol.Auth;

/// <summary>One key the channel signs with, and the channels it is endorsed for (e.g. <c>msteams</c>).</summary>
public sealed record ChannelSigningKey(string KeyId, JsonWebKey Key, IReadOnlySet<string> Endorsements);

/// <summary>
/// The channel's keys from the <c>jwks_uri</c> document, by <c>kid</c>. Parsed by hand because the
/// standard OpenID retriever drops the non-standard <c>endorsements</c> array (protocol.md 1.2 step 5).
/// </summary>
public sealed class ChannelSigningKeys
{
    private readonly Dictionary<string, ChannelSigningKey> _byKeyId;

    private ChannelSigningKeys(Dictionary<string, ChannelSigningKey> byKeyId, DateTimeOffset fetchedAt)
    {
        _byKeyId = byKeyId;
        FetchedAt = fetchedAt;
    }

    public DateTimeOffset FetchedAt { get; }

    public int Count => _byKeyId.Count;

    public bool TryGet(string keyId, out ChannelSigningKey key) => _byKeyId.TryGetValue(keyId, out key!);

    /// <summary>Reads <c>{"keys":[{kty, kid, n, e, endorsements:[...]}, ...]}</c>; only RSA keys with a kid are kept.</summary>
    public static ChannelSigningKeys Parse(string json, DateTimeOffset fetchedAt)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The keys document has no 'keys' array.");
        }
        var byKeyId = new Dictionary<string, ChannelSigningKey>(StringComparer.Ordinal);
        foreach (var element in keys.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object
                || !element.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(kid.GetString())
                || !element.TryGetProperty("kty", out var kty) || kty.GetString() != JsonWebAlgorithmsKeyTypes.RSA)
            {
                continue;
            }
            var endorsements = new HashSet<string>(StringComparer.Ordinal);
            if (element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var endorsement in list.EnumerateArray())
                {
                    if (endorsement.ValueKind == JsonValueKind.String && endorsement.GetString() is { Length: > 0 } value)
                    {
                        endorsements.Add(value);
                    }
                }
            }
            var id = kid.GetString()!;
            byKeyId[id] = new ChannelSigningKey(id, new JsonWebKey(element.GetRawText()), endorsements);
        }
        return new ChannelSigningKeys(byKeyId, fetchedAt);
    }
}
