namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>A declared dependency and its version or range as written (null when none is given).</summary>
public sealed record Dependency(string Name, string? Version)
{
    public override string ToString() => Version is null ? Name : $"{Name} {Version}";
}
