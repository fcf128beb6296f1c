using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Validation;
using Kiro.Mcp.Workspace;

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

    /// <summary>
    /// As <see cref="FirstIn(DocumentKind, string)"/> for a file as read, searched once per text read: a quick spec's
    /// status asks on every call, and each search scans the whole document once per placeholder (most of a status
    /// call's own CPU on a 2,000-task spec). A changed file is a new <see cref="VersionedText"/>, so it is searched again.
    /// </summary>
    public static string? FirstIn(DocumentKind kind, VersionedText file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Found.TryGetValue(file, out var known) && known.Kind == kind)
        {
            return known.Placeholder;
        }
        var placeholder = FirstIn(kind, file.Text);
        Found.AddOrUpdate(file, new Search(kind, placeholder));
        return placeholder;
    }

    // What the last search of a text found, kept as long as the text itself is.
    private static readonly ConditionalWeakTable<VersionedText, Search> Found = [];

    private sealed record Search(DocumentKind Kind, string? Placeholder);

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
