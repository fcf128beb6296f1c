namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>A command the project defines, grouped by where it was found.</summary>
/// <param name="Group">Where it comes from, e.g. "npm scripts (web/package.json)".</param>
/// <param name="Command">What to type, e.g. "npm run build".</param>
/// <param name="Comment">What it runs or says it does, if known.</param>
public sealed record CommandFact(string Group, string Command, string? Comment);
