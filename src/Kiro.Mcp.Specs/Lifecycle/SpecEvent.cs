namespace Kiro.Mcp.Specs.Lifecycle;

/// <summary>A spec just created: its name, type, workflow and folder.</summary>
public sealed record SpecEvent(string Spec, string Type, string Workflow, string Folder);
