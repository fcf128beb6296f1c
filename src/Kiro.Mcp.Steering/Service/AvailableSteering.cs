namespace Kiro.Mcp.Steering.Service;

/// <summary>An <c>auto</c> steering document that was not included: the assistant reads the description and asks for it by name if it fits.</summary>
public sealed record AvailableSteering(string Name, string Source, string? Description);
