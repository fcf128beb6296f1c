namespace Kiro.Mcp.Specs.Documents;

/// <summary>The parsed form of requirements.md or bugfix.md (see <see cref="Requirement"/> for bugfix numbering).</summary>
/// <param name="Glossary">Terms defined under "## Glossary" (the bold term of each bullet).</param>
/// <param name="Headings">Every heading, in order, for section reads and edits.</param>
public sealed record RequirementsDocument(
    DocumentKind Kind,
    IReadOnlyList<Requirement> Requirements,
    IReadOnlyList<string> Glossary,
    IReadOnlyList<Heading> Headings)
{
    public IEnumerable<Criterion> AllCriteria => Requirements.SelectMany(r => r.Criteria);
}
