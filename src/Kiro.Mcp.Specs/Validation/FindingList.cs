namespace Kiro.Mcp.Specs.Validation;

/// <summary>Collects the findings of one document, so each rule states only what is specific to it.</summary>
internal sealed class FindingList(string document)
{
    private readonly List<Finding> _findings = [];

    public string Document { get; } = document;

    public IReadOnlyList<Finding> Items => _findings;

    public void Error(string code, int line, string message, string hint) =>
        _findings.Add(new Finding(FindingSeverity.Error, code, Document, line, message, hint));

    public void Warning(string code, int line, string message, string hint) =>
        _findings.Add(new Finding(FindingSeverity.Warning, code, Document, line, message, hint));
}
