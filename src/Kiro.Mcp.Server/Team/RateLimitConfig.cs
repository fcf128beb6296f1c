namespace Kiro.Mcp.Server.Team;

/// <summary>Requests each user may make per minute over HTTP; beyond it a 429 with Retry-After.</summary>
public sealed record RateLimitConfig
{
    // "set", not "init": source-generated JSON assigns every init-only property of the type, so a key absent from the
    // file would replace this default with null or 0; a settable property is assigned only when its key is present.
    public int RequestsPerMinute { get; set; } = 600;

    public string? Problem() => RequestsPerMinute is < 1 or > 1_000_000 ? "'requestsPerMinute' must be 1 to 1000000." : null;
}
