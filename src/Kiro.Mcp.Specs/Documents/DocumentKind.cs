namespace Kiro.Mcp.Specs.Documents;

/// <summary>The documents a spec folder holds; the file name is <c>{kind}.md</c> in lower case.</summary>
public enum DocumentKind
{
    Requirements,
    Bugfix,
    Design,
    Tasks,
}
