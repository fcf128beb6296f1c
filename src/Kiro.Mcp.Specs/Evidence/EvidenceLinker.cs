using Kiro.Mcp.Specs.Service;

namespace Kiro.Mcp.Specs.Evidence;

/// <summary>
/// Links tests to one spec's acceptance criteria through their tags: a property tag through the criteria its design
/// property validates, a criteria tag directly. Skipped tests prove nothing and are left out.
/// </summary>
public static class EvidenceLinker
{
    public static SpecEvidence Link(SpecSnapshot snapshot, IEnumerable<TestCaseResult> tests)
    {
        var criteria = (snapshot.Documents.Requirements?.Requirements ?? []).SelectMany(r => r.Criteria).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var properties = (snapshot.Documents.Design?.Properties ?? []).GroupBy(p => p.Number, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Validates, StringComparer.Ordinal);
        var passed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var failed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var test in tests)
        {
            foreach (var tag in EvidenceTags.Find(test).Where(t => t.Spec == snapshot.Name))
            {
                IReadOnlyList<string> ids;
                if (tag.Property is { } number)
                {
                    if (!properties.TryGetValue(number, out var validates))
                    {
                        unknown.Add($"Property {number} (test {test.Name})");
                        continue;
                    }
                    ids = validates;
                }
                else
                {
                    ids = tag.Criteria;
                }
                foreach (var id in ids)
                {
                    if (!criteria.Contains(id))
                    {
                        unknown.Add($"criterion {id} (test {test.Name})");
                        continue;
                    }
                    var bucket = test.Outcome switch
                    {
                        TestOutcome.Passed => passed,
                        TestOutcome.Failed => failed,
                        _ => null,
                    };
                    if (bucket is null)
                    {
                        continue;
                    }
                    if (!bucket.TryGetValue(id, out var names))
                    {
                        bucket[id] = names = [];
                    }
                    names.Add(test.Name);
                }
            }
        }
        var linked = passed.Keys.Union(failed.Keys).ToDictionary(
            id => id,
            id => new CriterionEvidence(passed.GetValueOrDefault(id) ?? [], failed.GetValueOrDefault(id) ?? []),
            StringComparer.Ordinal);
        return new SpecEvidence(linked, unknown.Distinct(StringComparer.Ordinal).ToList());
    }
}
