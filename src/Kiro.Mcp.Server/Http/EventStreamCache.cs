using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// Where stateful HTTP keeps the events of its resumable streams (the SDK's distributed-cache event store), held to a
/// byte budget. The SDK keeps every event (every tool result) for 30 minutes and each stream's metadata for an hour; in
/// the memory cache <c>AddDistributedMemoryCache</c> gives, that grew the server by about 7 KB per call (476 MB after
/// 52,000 calls in <c>tools/bench/run.sh load</c>), up to its 200 MB limit, which counts only the value bytes and so lets
/// a stream's small metadata entry cost ten times what it counts. Here an entry counts its key and its bookkeeping too,
/// and the whole stays within <see cref="Budget"/>: when full, the least recently used events go first, so under heavy
/// load a client can resume only a recent stream, while an ordinary session keeps minutes of it.
/// </summary>
public sealed class EventStreamCache : IDistributedCache, IDisposable
{
    /// <summary>
    /// About 500 tool results of the usual size: many minutes of one agent's history, under a second of 200 sessions
    /// calling as fast as they can. A client resumes a dropped stream within its retry interval (under a second), and
    /// what it needs is what was sent since. Each budget's events end up in the oldest generation before they are
    /// dropped, so the budget weighs on the peak about four times over: 16 MB gave 210-233 MB, 4 MB 169 MB
    /// (docs/benchmarks.md, "HTTP under load").
    /// </summary>
    public const long DefaultBudget = 4L * 1024 * 1024;

    // A cache entry's own objects (the entry, its options, the array's header) beside its key and value.
    private const int EntryOverhead = 256;

    private readonly MemoryCache _cache;

    public EventStreamCache(long budget = DefaultBudget)
    {
        Budget = budget;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = budget });
    }

    public long Budget { get; }

    /// <summary>What the entries held now count against the budget.</summary>
    public long Used => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>What an entry counts: its value, its key (two bytes a character) and its bookkeeping.</summary>
    public static long SizeOf(string key, byte[] value) => value.LongLength + (2L * key.Length) + EntryOverhead;

    public byte[]? Get(string key) => _cache.Get<byte[]>(key);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        using var entry = _cache.CreateEntry(key);
        entry.Value = value;
        entry.Size = SizeOf(key, value);
        entry.AbsoluteExpiration = options.AbsoluteExpiration;
        entry.AbsoluteExpirationRelativeToNow = options.AbsoluteExpirationRelativeToNow;
        entry.SlidingExpiration = options.SlidingExpiration;
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    // A sliding expiration is renewed by reading the entry.
    public void Refresh(string key) => _cache.TryGetValue(key, out _);

    public Task RefreshAsync(string key, CancellationToken token = default)
    {
        Refresh(key);
        return Task.CompletedTask;
    }

    public void Remove(string key) => _cache.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    public void Dispose() => _cache.Dispose();
}
