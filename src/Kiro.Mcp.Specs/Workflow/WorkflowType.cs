namespace Kiro.Mcp.Specs.Workflow;

/// <summary>Kiro's <c>workflowType</c>: which document of a feature spec comes first.</summary>
public enum WorkflowType
{
    RequirementsFirst,
    DesignFirst,
}
