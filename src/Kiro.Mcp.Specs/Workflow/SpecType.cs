namespace Kiro.Mcp.Specs.Workflow;

/// <summary>Kiro's <c>specType</c>: a feature starts from requirements or design, a bugfix from bugfix.md.</summary>
public enum SpecType
{
    Feature,
    Bugfix,
}
