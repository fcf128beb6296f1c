using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Impact;

/// <summary>One spec's documents as of one commit, parsed; a document the commit lacks is null.</summary>
internal sealed record SpecVersion(string? CriteriaText, RequirementsDocument? Criteria, string? DesignText, DesignDocument? Design, TasksDocument? Tasks);
