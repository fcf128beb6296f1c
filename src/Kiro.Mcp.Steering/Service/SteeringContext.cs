namespace Kiro.Mcp.Steering.Service;

/// <summary>The steering for some files: what applies (with text), what can be asked for, and requested names that do not exist.</summary>
/// <param name="Truncated">True when text was cut to stay within the response budget; read the rest with steering_read.</param>
public sealed record SteeringContext(
    IReadOnlyList<AppliedSteering> Documents,
    IReadOnlyList<AvailableSteering> Available,
    IReadOnlyList<string> Unknown,
    bool Truncated);
