namespace Kiro.Mcp.Steering.Service;

/// <summary>A steering document that applies, why, and its expanded text.</summary>
/// <param name="Reason">Why it applies, e.g. "always" or "fileMatch 'src/**/*.ts' matches src/app.ts".</param>
public sealed record AppliedSteering(string Name, string Source, string Inclusion, string Reason, string Text, bool Truncated);
