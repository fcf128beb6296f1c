using Kiro.Mcp.Steering.Documents;
using Kiro.Mcp.Steering.References;

namespace Kiro.Mcp.Steering.Service;

/// <summary>A steering document's text (after its front matter) with its file references expanded, and its version.</summary>
/// <param name="Version">The file's version: pass it to steering_write as expectedVersion.</param>
/// <param name="Expanded">True when #[[file:…]] references were replaced by the files' contents.</param>
/// <param name="Truncated">True when the text was cut to stay within the response budget.</param>
public sealed record SteeringText(
    string Name,
    string Source,
    string Path,
    string Inclusion,
    IReadOnlyList<string> Patterns,
    string? Description,
    string Text,
    string Version,
    bool Expanded,
    IReadOnlyList<FileReference> References,
    IReadOnlyList<SteeringFinding> Findings,
    bool Truncated);
