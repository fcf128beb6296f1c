using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Validation;

/// <summary>What a "_Requirements: ..._" or "Validates:" reference may name: a criterion, or a whole requirement.</summary>
internal sealed class ReferenceIndex
{
    private readonly Dictionary<string, List<string>> _criteriaOfRequirement = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Criterion> _criteria = new(StringComparer.Ordinal);

    public ReferenceIndex(RequirementsDocument requirements)
    {
        FileName = requirements.Kind == DocumentKind.Bugfix ? "bugfix.md" : "requirements.md";
        var ordered = new List<string>();
        foreach (var requirement in requirements.Requirements)
        {
            if (!_criteriaOfRequirement.TryGetValue(requirement.Id, out var ids))
            {
                ids = [];
                _criteriaOfRequirement.Add(requirement.Id, ids);
            }
            foreach (var criterion in requirement.Criteria)
            {
                if (_criteria.TryAdd(criterion.Id, criterion))
                {
                    ordered.Add(criterion.Id);
                }
                ids.Add(criterion.Id);
            }
        }
        CriterionIds = ordered;
    }

    public string FileName { get; }

    /// <summary>Distinct criterion ids in document order.</summary>
    public IReadOnlyList<string> CriterionIds { get; }

    /// <summary>An id to show in hints, so the model sees the expected shape.</summary>
    public string Example => CriterionIds.Count > 0 ? CriterionIds[0] : "1.1";

    public Criterion Criterion(string id) => _criteria[id];

    /// <summary>The criteria a reference covers, or null when it names nothing in the document.</summary>
    public IReadOnlyList<string>? Resolve(string reference)
    {
        var id = Normalize(reference);
        if (_criteria.ContainsKey(id))
        {
            return [id];
        }
        return _criteriaOfRequirement.TryGetValue(id, out var ids) ? ids : null;
    }

    public static string Normalize(string reference) => reference.Trim().TrimEnd('.');
}
