using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace GiBot.Storage.Sql;

/// <summary>
/// Read-through cache for one store. Every write invalidates after it reaches the database; a
/// load that overlapped any write is returned but not cached, so a stale row never outlives the
/// write that replaced it. Entries expire after a short lifetime to pick up other instances' writes.
/// </summary>
internal sealed class InvalidatingCache(IMemoryCache cache, string prefix, TimeSpan lifetime)
{
    private readonly Lock _gate = new();
    private long _writes;
    private CancellationTokenSource _all = new();

    public async Task<T> GetOrLoadAsync<T>(string key, Func<Task<T>> load)
    {
        if (cache.TryGetValue(prefix + key, out T? cached) && cached is not null)
        {
            return cached;
        }
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
                cache.Set(prefix + key, loaded, options);
            }
        }
        return loaded;
    }

    public void Invalidate(params string?[] keys)
    {
        lock (_gate)
        {
            _writes++;
            foreach (var key in keys)
            {
                if (key is not null)
                {
                    cache.Remove(prefix + key);
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
