using Kiro.Mcp.Server.Http;
using Microsoft.Extensions.Caching.Distributed;

namespace Kiro.Mcp.Server.Tests.Http;

/// <summary>The resumable streams' event store stays within its byte budget, however many calls a server answers.</summary>
public class EventStreamCacheTests
{
    private static readonly DistributedCacheEntryOptions SdkDefaults = new()
    {
        SlidingExpiration = TimeSpan.FromMinutes(30),
        AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(2),
    };

    [Fact]
    public void What_many_calls_leave_behind_counts_its_keys_and_stays_within_the_budget()
    {
        using var cache = new EventStreamCache(budget: 1024 * 1024);
        var keys = new List<string>();
        // What 3,000 calls leave in the SDK's store: a small metadata entry under a long key per stream, and the result.
        for (var call = 0; call < 3_000; call++)
        {
            var stream = $"{new string('s', 40)}{call}";
            keys.Add($"mcp:sse:v1:meta:{stream}");
            cache.Set(keys[^1], new byte[60], SdkDefaults);
            keys.Add($"mcp:sse:v1:event:{stream}:1");
            cache.Set(keys[^1], new byte[7_000], SdkDefaults);
        }

        var held = keys.Select(k => (Key: k, Value: cache.Get(k))).Where(e => e.Value is not null).ToList();

        Assert.NotEmpty(held);
        Assert.InRange(held.Sum(e => EventStreamCache.SizeOf(e.Key, e.Value!)), 1, cache.Budget);
    }

    [Fact]
    public async Task An_event_within_the_budget_is_returned_as_stored_until_removed()
    {
        using var cache = new EventStreamCache();
        byte[] data = [1, 2, 3];

        await cache.SetAsync("mcp:sse:v1:event:a", data, SdkDefaults, TestContext.Current.CancellationToken);
        var stored = await cache.GetAsync("mcp:sse:v1:event:a", TestContext.Current.CancellationToken);
        await cache.RemoveAsync("mcp:sse:v1:event:a", TestContext.Current.CancellationToken);

        Assert.Equal(data, stored);
        Assert.Null(cache.Get("mcp:sse:v1:event:a"));
    }
}
