namespace Kiro.Mcp.Steering.Documents;

/// <summary>A problem in a steering document that does not stop it from being read, e.g. malformed front matter.</summary>
/// <param name="Code">Stable code, e.g. "front_matter_invalid".</param>
/// <param name="Message">What is wrong and what to do about it.</param>
public sealed record SteeringFinding(string Code, string Message);
