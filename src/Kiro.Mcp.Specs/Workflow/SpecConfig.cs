using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiro.Mcp.Specs.Workflow;

/// <summary>Kiro's <c>.config.kiro</c>: <c>{"specId": "…", "workflowType": "requirements-first", "specType": "feature"}</c>.</summary>
public sealed record SpecConfig(string SpecId, SpecType Type, WorkflowType Workflow)
{
    public static SpecConfig New(SpecType type, WorkflowType workflow) =>
        new(Guid.NewGuid().ToString(), type, type == SpecType.Bugfix ? WorkflowType.RequirementsFirst : workflow);

    /// <summary>Reads the file leniently: Kiro and people write it by hand, and a missing field takes its default.</summary>
    public static SpecConfig? TryParse(string json)
    {
        try
        {
            if (JsonNode.Parse(json) is not JsonObject node)
            {
                return null;
            }
            var type = node["specType"]?.GetValue<string>() == "bugfix" ? SpecType.Bugfix : SpecType.Feature;
            var workflow = node["workflowType"]?.GetValue<string>() == "design-first" ? WorkflowType.DesignFirst : WorkflowType.RequirementsFirst;
            return new SpecConfig(node["specId"]?.GetValue<string>() ?? "", type, workflow);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Kiro's own layout: one line, these three keys in this order.</summary>
    public string ToJson() =>
        $"{{\"specId\": \"{SpecId}\", \"workflowType\": \"{WorkflowName(Workflow)}\", \"specType\": \"{TypeName(Type)}\"}}";

    public static string TypeName(SpecType type) => type == SpecType.Bugfix ? "bugfix" : "feature";

    public static string WorkflowName(WorkflowType workflow) => workflow == WorkflowType.DesignFirst ? "design-first" : "requirements-first";
}
