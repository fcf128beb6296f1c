using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Generation.Service;

/// <summary>The three foundational steering documents Kiro generates, by name.</summary>
public static class SteeringDocuments
{
    public const string Folder = ".kiro/steering";

    public static IReadOnlyList<string> All { get; } = ["product", "tech", "structure"];

    public static string PathOf(string name) => $"{Folder}/{name}.md";

    /// <summary>The requested names in canonical order; null or empty means all three.</summary>
    public static IReadOnlyList<string> Parse(IReadOnlyList<string>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            return All;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in requested)
        {
            var name = raw.Trim().ToLowerInvariant();
            name = name.EndsWith(".md", StringComparison.Ordinal) ? name[..^3] : name;
            if (!All.Contains(name))
            {
                throw new KiroException("invalid_document", $"'{raw}' is not a generated steering document. Use product, tech or structure (or omit documents for all three).");
            }
            names.Add(name);
        }
        return All.Where(names.Contains).ToList();
    }
}
