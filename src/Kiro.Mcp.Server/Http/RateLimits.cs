using System.Globalization;
using System.Threading.RateLimiting;
using Kiro.Mcp.Server.Team;
using Microsoft.AspNetCore.RateLimiting;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// Requests per minute per user (<c>rateLimit</c> in the config file), counted by the caller's verified id, or by
/// remote address for a caller without one; beyond it a 429 with Retry-After and a JSON-RPC error that says why.
/// </summary>
public static class RateLimits
{
    public static void AddKiroRateLimits(this IServiceCollection services, RateLimitConfig limit)
    {
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    // Refuse at once rather than hold requests (and their memory) in a queue.
                    QueueLimit = 0,
                }));
            options.OnRejected = (rejected, _) => new ValueTask(RefuseAsync(rejected, limit));
        });
    }

    /// <summary>The user's stable id when they signed in; otherwise the address, so anonymous callers on loopback are limited too.</summary>
    private static string PartitionOf(HttpContext context) =>
        CallerIdentity.Of(context.User) is { Verified: true } caller
            ? "user:" + caller.Id
            : "address:" + context.Connection.RemoteIpAddress;

    private static Task RefuseAsync(OnRejectedContext rejected, RateLimitConfig limit)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Clamp((int)Math.Ceiling(retryAfter.TotalSeconds), 1, 60)
            : 60;
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return JsonRpcErrorResponse.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, JsonRpcErrorResponse.InvalidRequest,
            $"Too many requests: this server allows {limit.RequestsPerMinute} requests per minute per user. Retry after {seconds} seconds.");
    }
}
