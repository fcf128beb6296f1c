using System.Text.RegularExpressions;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Specs.Workflow;

/// <summary>
/// Finds the [bracketed] placeholders of <see cref="SpecTemplates"/> left in a document, so an
/// untouched template can't be approved. The placeholders are read from the templates themselves.
/// </summary>
public static partial class TemplatePlaceholders
{
    private static readonly Dictionary<DocumentKind, string[]> ByKind = Enum.GetValues<DocumentKind>().ToDictionary(
        kind => kind,
        kind => Placeholder().Matches(SpecTemplates.For(kind, null)).Select(m => m.Value).Distinct().ToArray());

    /// <summary>The first template placeholder left in <paramref name="text"/>, or null when there is none.</summary>
    public static string? FirstIn(DocumentKind kind, string text) =>
        ByKind[kind].FirstOrDefault(p => text.Contains(p, StringComparison.Ordinal));

    public static IEnumerable<Finding> Find(DocumentKind kind, string text)
    {
        var placeholders = ByKind[kind];
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (placeholders.FirstOrDefault(p => lines[i].Contains(p, StringComparison.Ordinal)) is { } placeholder)
            {
                yield return new Finding(FindingSeverity.Error, FindingCodes.TemplatePlaceholder, SpecLayout.Name(kind), i + 1,
                    $"The template placeholder '{placeholder}' is still here.",
                    "Replace every [bracketed] placeholder of the template with the spec's real content, or delete the line.");
            }
        }
    }

    // At least two characters inside, so the checkboxes "[ ]" and "[x]" are never placeholders.
    [GeneratedRegex(@"\[[^\]\n]{2,}\]")]
    private static partial Regex Placeholder();
}
