namespace Kiro.Mcp.Specs.Validation;

/// <summary>All findings of a spec, in document then line order, and the criteria coverage.</summary>
public sealed record ValidationReport(IReadOnlyList<Finding> Findings, Coverage Coverage)
{
    public bool HasErrors(string document) =>
        Findings.Any(f => f.Severity == FindingSeverity.Error && f.Document == document);
}
