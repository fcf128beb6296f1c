using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Workflow;

/// <summary>Where a spec's files live, workspace-relative with '/' separators.</summary>
public static class SpecLayout
{
    public const string SpecsFolder = ".kiro/specs";

    public static string Folder(string spec) => $"{SpecsFolder}/{spec}";

    public static string Document(string spec, DocumentKind kind) => $"{Folder(spec)}/{FileName(kind)}";

    /// <summary>Kiro's own per-spec metadata.</summary>
    public static string Config(string spec) => $"{Folder(spec)}/.config.kiro";

    /// <summary>
    /// Our state that Kiro has no place for (quick mode, approvals). A dot file beside .config.kiro so
    /// Kiro's spec view ignores it; committed with the spec.
    /// </summary>
    public static string State(string spec) => $"{Folder(spec)}/.workflow.json";

    public static string FileName(DocumentKind kind) => Name(kind) + ".md";

    /// <summary>The lower-case document name used in tool parameters, findings and resource URIs.</summary>
    public static string Name(DocumentKind kind) => kind switch
    {
        DocumentKind.Requirements => "requirements",
        DocumentKind.Bugfix => "bugfix",
        DocumentKind.Design => "design",
        DocumentKind.Tasks => "tasks",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static IReadOnlyList<string> DocumentNames { get; } = ["requirements", "bugfix", "design", "tasks"];

    public static DocumentKind? TryParseDocument(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "requirements" or "requirements.md" => DocumentKind.Requirements,
        "bugfix" or "bugfix.md" => DocumentKind.Bugfix,
        "design" or "design.md" => DocumentKind.Design,
        "tasks" or "tasks.md" => DocumentKind.Tasks,
        _ => null,
    };
}
