using System.Text.RegularExpressions;

namespace Kiro.Mcp.Specs.Evidence;

/// <summary>Finds Kiro's evidence tags in a test's name, class, categories and traits.</summary>
public static partial class EvidenceTags
{
    /// <summary>How a test cites criteria directly: the same "Feature: &lt;spec&gt;" prefix as Kiro's property tags.</summary>
    public const string CriteriaExample = "Feature: <spec>, Requirements: 1.2, 2.1";

    /// <summary>Kiro's property tag, as its design template asks property tests to carry.</summary>
    public const string PropertyExample = "Feature: <spec>, Property <N>: <text>";

    public static IReadOnlyList<EvidenceTag> Find(TestCaseResult test)
    {
        var tags = new List<EvidenceTag>();
        foreach (var text in test.Tags.Prepend(test.Name))
        {
            // Test names come from the repository: a bounded length and a linear engine, so a crafted name costs nothing.
            var bounded = text.Length > 4_096 ? text[..4_096] : text;
            foreach (Match match in Tag().Matches(bounded))
            {
                var spec = match.Groups["spec"].Value;
                tags.Add(match.Groups["property"].Success
                    ? new EvidenceTag(spec, match.Groups["property"].Value, [])
                    : new EvidenceTag(spec, null, match.Groups["criteria"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            }
        }
        return tags.Distinct(TagComparer.Instance).ToList();
    }

    [GeneratedRegex(@"Feature:\s*(?<spec>[A-Za-z0-9][A-Za-z0-9._-]*)\s*,\s*(?:Property\s+(?<property>\d+)|Requirements?:\s*(?<criteria>\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?)*))",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1_000)]
    private static partial Regex Tag();

    private sealed class TagComparer : IEqualityComparer<EvidenceTag>
    {
        public static readonly TagComparer Instance = new();

        public bool Equals(EvidenceTag? x, EvidenceTag? y) =>
            x is not null && y is not null && x.Spec == y.Spec && x.Property == y.Property && x.Criteria.SequenceEqual(y.Criteria);

        public int GetHashCode(EvidenceTag obj) => HashCode.Combine(obj.Spec, obj.Property, string.Join(',', obj.Criteria));
    }
}
