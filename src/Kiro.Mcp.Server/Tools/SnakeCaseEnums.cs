using System.Text.Json;
using System.Text.Json.Serialization;
using Kiro.Mcp.Hooks.Definitions;
using Kiro.Mcp.Server.Team;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Export;
using Kiro.Mcp.Specs.Validation;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Steering.Documents;
using Kiro.Mcp.Steering.Generation.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// Every enum of ours, written as a snake_case string (<c>in_progress</c>, <c>file_match</c>). Listed by hand
/// because the one converter for all enums needs runtime code generation; KiroJsonTests fails when an enum
/// reachable from a result is missing here.
/// </summary>
internal static class SnakeCaseEnums
{
    public static IReadOnlyList<JsonConverter> Converters { get; } =
    [
        Of<Role>(), Of<DocumentKind>(), Of<Specs.Documents.TaskStatus>(), Of<FindingSeverity>(), Of<EarsPattern>(), Of<SpecType>(),
        Of<WorkflowType>(), Of<ExportFormat>(), Of<HookFormat>(), Of<HookActionType>(), Of<HookSource>(), Of<Inclusion>(),
        Of<DocumentSource>(), Of<DocumentOutcome>(), Of<WorkspaceChangeKind>(),
    ];

    private static JsonStringEnumConverter<T> Of<T>() where T : struct, Enum => new(JsonNamingPolicy.SnakeCaseLower);
}
