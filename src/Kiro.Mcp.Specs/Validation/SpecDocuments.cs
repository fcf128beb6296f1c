using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Validation;

/// <summary>The parsed documents of one spec; a document that does not exist yet is null.</summary>
/// <param name="Requirements">requirements.md, or bugfix.md for a bugfix spec (see <see cref="RequirementsDocument.Kind"/>).</param>
public sealed record SpecDocuments(RequirementsDocument? Requirements, DesignDocument? Design, TasksDocument? Tasks);
