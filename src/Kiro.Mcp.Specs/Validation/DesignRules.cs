using System.Text.RegularExpressions;
using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Validation;

/// <summary>The checks of design.md: Kiro's sections, and the requirements its correctness properties validate.</summary>
internal static partial class DesignRules
{
    private sealed record Section(string Name, string Purpose, string[] Words);

    // A section is present when any heading contains one of its words as a whole word, at any level:
    // real designs write "Components", "System Architecture", "1. Overview" or translate them (German
    // specs are in the fixtures). Lenient on purpose: a missing section is only a warning.
    private static readonly Section[] s_feature =
    [
        new("Overview", "the approach and why it was chosen", ["overview", "introduction", "summary", "übersicht", "überblick"]),
        new("Architecture", "the parts of the system and how data flows between them (a Mermaid diagram helps)", ["architecture", "architektur"]),
        new("Components and Interfaces", "each component's responsibility and interface", ["components", "component", "interfaces", "komponenten", "schnittstellen"]),
        new("Data Models", "the types, their fields and their validation rules", ["data model", "data models", "datenmodell", "datenmodelle"]),
        new("Error Handling", "each failure and how it is reported and recovered from", ["error handling", "errors", "error", "fehlerbehandlung"]),
        new("Testing Strategy", "the unit, property and integration tests and what each covers", ["testing", "tests", "test", "teststrategie"]),
    ];

    private static readonly Section[] s_bugfix =
    [
        s_feature[0],
        new("Fix Implementation", "the root cause and the change that fixes it", ["fix", "root cause", "expected behavior", "expected behaviour", "ursache", "erwartetes verhalten"]),
        s_feature[5],
    ];

    public static IReadOnlyList<Finding> Check(DesignDocument design, bool bugfix, ReferenceIndex? references)
    {
        var findings = new FindingList("design");
        // The document's title ("# Design Document: Test Runner") names the feature, not a section.
        var sections = design.Headings.Count > 0 && design.Headings[0].Level == 1 ? design.Headings.Skip(1) : design.Headings;
        var headings = sections.Select(h => Normalize(h.Text)).ToList();
        foreach (var section in bugfix ? s_bugfix : s_feature)
        {
            if (!headings.Any(h => section.Words.Any(w => ContainsWord(h, w))))
            {
                findings.Warning(FindingCodes.DesignSectionMissing, 0,
                    $"design.md has no '{section.Name}' section.",
                    $"Add '## {section.Name}' describing {section.Purpose}.");
            }
        }

        foreach (var property in design.Properties)
        {
            if (property.Validates.Count == 0)
            {
                findings.Warning(FindingCodes.PropertyValidatesMissing, property.Line,
                    $"Property {property.Number} ('{property.Title}') does not say which requirements it validates.",
                    $"Add '**Validates: Requirements {references?.Example ?? "1.1"}**' under the property, citing the criteria it checks.");
                continue;
            }
            if (references is null)
            {
                continue;
            }
            foreach (var reference in property.Validates.Select(ReferenceIndex.Normalize).Distinct(StringComparer.Ordinal))
            {
                if (references.Resolve(reference) is null)
                {
                    findings.Error(FindingCodes.ReferenceUnknown, property.ValidatesLine > 0 ? property.ValidatesLine : property.Line,
                        $"Property {property.Number} validates '{reference}', which is not a criterion in {references.FileName}.",
                        $"Cite existing criterion ids such as '{references.Example}', or add the missing criterion to {references.FileName}.");
                }
            }
        }
        return findings.Items;
    }

    private static string Normalize(string heading) =>
        Markup().Replace(heading.ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal), " ");

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"[*_`#:]+")]
    private static partial Regex Markup();
}
