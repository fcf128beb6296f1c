using System.Threading.RateLimiting;
using Kiro.Mcp.Server.Team;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// How many live-update streams may be open at once: <see cref="PerCaller"/> for one user (or, unsigned, one address)
/// and <see cref="Total"/> for the server. Each stream holds a connection and keeps its workspace loaded, so a page
/// opened in a loop, or a script opening streams for every workspace, would otherwise pin memory and sockets without
/// bound. Counted by System.Threading.RateLimiting's concurrency limiters, refused at once (no queue).
/// </summary>
public sealed class DashboardStreams : IDisposable
{
    /// <summary>A few tabs and workspaces per person.</summary>
    public const int PerCaller = 8;

    /// <summary>Room for a team of 50 with a few tabs each.</summary>
    public const int Total = 256;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<string, string>(caller =>
            RateLimitPartition.GetConcurrencyLimiter(caller, _ => new ConcurrencyLimiterOptions { PermitLimit = PerCaller, QueueLimit = 0 })),
        PartitionedRateLimiter.Create<string, string>(_ =>
            RateLimitPartition.GetConcurrencyLimiter("server", _ => new ConcurrencyLimiterOptions { PermitLimit = Total, QueueLimit = 0 })));

    /// <summary>A lease to dispose when the stream ends, or null when the caller (or the server) has too many open.</summary>
    public RateLimitLease? TryOpen(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var lease = _limiter.AttemptAcquire(CallerOf(http));
        if (lease.IsAcquired)
        {
            return lease;
        }
        lease.Dispose();
        return null;
    }

    public void Dispose() => _limiter.Dispose();

    private static string CallerOf(HttpContext http) =>
        CallerIdentity.Of(http.User) is { Verified: true } caller ? "user:" + caller.Id : "address:" + http.Connection.RemoteIpAddress;
}
