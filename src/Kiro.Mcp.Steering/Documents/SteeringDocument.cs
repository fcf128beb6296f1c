using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Documents;

/// <summary>One steering document as read from disk.</summary>
/// <param name="Name">What tools call it: the file name without ".md" for steering folders, the workspace-relative path for AGENTS.md files ("AGENTS.md", "src/api/AGENTS.md").</param>
/// <param name="Path">Where it is, for people: ".kiro/steering/tech.md", "~/.kiro/steering/tech.md", "src/api/AGENTS.md".</param>
/// <param name="Folder">For an AGENTS.md, the workspace folder it governs ("" for the root); otherwise null.</param>
public sealed record SteeringDocument(string Name, DocumentSource Source, string Path, string? Folder, FrontMatter FrontMatter, VersionedText File)
{
    /// <summary>The file name that carries no inclusion modes: always included, wherever it is.</summary>
    public const string AgentsFileName = "AGENTS.md";

    public Inclusion Inclusion => FrontMatter.Inclusion;

    /// <summary>The markdown after the front matter, without a byte-order mark.</summary>
    public string Body => File.Text[FrontMatter.BodyStart..].TrimStart('\uFEFF');
}
