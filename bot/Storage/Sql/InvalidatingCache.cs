using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace GiBot.Storage.Sql;

/// <summary>
/// Read-through cache for one store. Every write invalidates after it reaches the database; a
/// load that overlapped any write is returned but not cached, so a stale row never outlives the
/// write that replaced it. Entries expire after a short lifetime to pick up other instances' writes.
/// The completed task is what is cached, so a hit hands out the same task again and allocates nothing
/// beyond its key.
/// </summary>
internal sealed class InvalidatingCache(IMemoryCache cache, string prefix, TimeSpan lifetime)
{
    private readonly Lock _gate = new();
    private long _writes;
    private CancellationTokenSource _all = new();

    /// <summary>The cache key of <paramref name="kind"/> and <paramref name="key"/>, built in one concatenation.</summary>
    public string Key(string kind, string key) => string.Concat(prefix, kind, key);

    /// <summary><paramref name="fullKey"/> comes from <see cref="Key"/>.</summary>
    public Task<T> GetOrLoadAsync<T>(string fullKey, Func<Task<T>> load) =>
        cache.TryGetValue(fullKey, out Task<T>? cached) && cached is not null ? cached : LoadAsync(fullKey, load);

    private async Task<T> LoadAsync<T>(string fullKey, Func<Task<T>> load)
    {
        long writesBefore;
        CancellationToken all;
        lock (_gate)
        {
            writesBefore = _writes;
            all = _all.Token;
        }
        var loaded = await load();
        lock (_gate)
        {
            if (loaded is not null && writesBefore == _writes)
            {
                var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 };
                options.AddExpirationToken(new CancellationChangeToken(all));
                cache.Set(fullKey, Task.FromResult(loaded), options);
            }
        }
        return loaded;
    }

    /// <summary><paramref name="fullKeys"/> come from <see cref="Key"/>.</summary>
    public void Invalidate(params string?[] fullKeys)
    {
        lock (_gate)
        {
            _writes++;
            foreach (var key in fullKeys)
            {
                if (key is not null)
                {
                    cache.Remove(key);
                }
            }
        }
    }

    public void InvalidateAll()
    {
        CancellationTokenSource old;
        lock (_gate)
        {
            _writes++;
            old = _all;
            _all = new CancellationTokenSource();
        }
        old.Cancel();
        old.Dispose();
    }
}
