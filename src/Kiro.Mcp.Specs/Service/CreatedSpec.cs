namespace Kiro.Mcp.Specs.Service;

/// <summary>The result of <c>spec_create</c>: where the spec lives, its first document, and how to write it.</summary>
public sealed record CreatedSpec(
    string Spec,
    string Type,
    string Workflow,
    bool Quick,
    string Folder,
    string FirstDocument,
    string Version,
    string Guidance,
    string NextStep);
