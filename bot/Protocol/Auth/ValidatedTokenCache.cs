using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace GiBot.Protocol.Auth;

/// <summary>
/// Channel tokens already validated, keyed by the raw token: the channel sends the same token on many
/// requests for up to an hour, and checking its RS256 signature again each time is most of the cost of
/// authentication. An entry is used only within the token's own lifetime (with the handler's skew) and
/// only while the key that verified it is still the one the key set names for its kid; otherwise the
/// token is validated in full again. Bounded: when full, expired entries go, then everything.
/// </summary>
public sealed class ValidatedTokenCache
{
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries;
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly TimeProvider _time;

    public ValidatedTokenCache(TimeProvider time)
    {
        _time = time;
        _entries = new(StringComparer.Ordinal);
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The identity as validated, the key that verified it and its lifetime.</summary>
    public sealed record Entry(ChannelIdentity Identity, string KeyId, SecurityKey Key, DateTime NotBefore, DateTime Expires);

    public int Count => _entries.Count;

    public bool TryGet(string token, out Entry entry) => TryGet(token.AsSpan(), out entry);

    /// <summary>Looked up by the header's slice: a hit copies no token string.</summary>
    public bool TryGet(ReadOnlySpan<char> token, out Entry entry)
    {
        if (!_bySpan.TryGetValue(token, out entry!))
        {
            return false;
        }
        if (!IsCurrent(entry, _time.GetUtcNow().UtcDateTime))
        {
            _bySpan.TryRemove(token, out _);
            return false;
        }
        return true;
    }

    public void Add(string token, Entry entry)
    {
        if (_entries.Count >= Capacity)
        {
            var now = _time.GetUtcNow().UtcDateTime;
            foreach (var (key, value) in _entries)
            {
                if (!IsCurrent(value, now))
                {
                    _entries.TryRemove(key, out _);
                }
            }
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }
        }
        _entries[token] = entry;
    }

    private static bool IsCurrent(Entry entry, DateTime now) =>
        now <= entry.Expires + ChannelTokenAuthenticator.ClockSkew
        && now >= entry.NotBefore - ChannelTokenAuthenticator.ClockSkew;
}
