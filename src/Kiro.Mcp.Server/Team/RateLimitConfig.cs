namespace Kiro.Mcp.Server.Team;

/// <summary>Requests each user may make per minute over HTTP; beyond it a 429 with Retry-After.</summary>
public sealed record RateLimitConfig
{
    public int RequestsPerMinute { get; init; } = 600;

    public string? Problem() => RequestsPerMinute is < 1 or > 1_000_000 ? "'requestsPerMinute' must be 1 to 1000000." : null;
}
