using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kiro.Mcp.Hooks.Service;
using Kiro.Mcp.Server.Audit;
using Kiro.Mcp.Server.Resources;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Impact;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Steering.Generation.Service;
using Kiro.Mcp.Steering.Service;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// Compile-time JSON metadata for every type the server puts on the wire or reads from a client: tool
/// arguments and results, resource bodies and notices. Native AOT has no reflection to fall back on (the
/// server answers nothing without this), and the server's runtimeconfig turns reflection off in every build,
/// so a type missing here fails in the ordinary end-to-end tests too. The wire settings live in <see cref="KiroJson"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
// Tool arguments.
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(bool?))]
[JsonSerializable(typeof(string[]))]
// Tool results.
[JsonSerializable(typeof(WorkspaceList))]
[JsonSerializable(typeof(SpecPage))]
[JsonSerializable(typeof(CreatedSpec))]
[JsonSerializable(typeof(DocumentText))]
[JsonSerializable(typeof(WriteOutcome))]
[JsonSerializable(typeof(SpecValidation))]
[JsonSerializable(typeof(ApprovalOutcome))]
[JsonSerializable(typeof(SpecStatus))]
[JsonSerializable(typeof(SpecTrace))]
[JsonSerializable(typeof(ExportResult))]
[JsonSerializable(typeof(TaskPage))]
[JsonSerializable(typeof(NextTask))]
[JsonSerializable(typeof(TaskContext))]
[JsonSerializable(typeof(TaskCompletion))]
[JsonSerializable(typeof(TaskStatusChange))]
[JsonSerializable(typeof(TaskPlan))]
[JsonSerializable(typeof(SteeringList))]
[JsonSerializable(typeof(SteeringText))]
[JsonSerializable(typeof(SteeringContext))]
[JsonSerializable(typeof(SteeringWriteOutcome))]
[JsonSerializable(typeof(SteeringGeneration))]
[JsonSerializable(typeof(HookList))]
[JsonSerializable(typeof(HookCreated))]
[JsonSerializable(typeof(HookRunResult))]
[JsonSerializable(typeof(HookHistoryPage))]
[JsonSerializable(typeof(PendingList))]
[JsonSerializable(typeof(AuditPage))]
[JsonSerializable(typeof(ImpactReport))]
// Resource bodies and what notices add to a structured result.
[JsonSerializable(typeof(List<SpecSummary>))]
[JsonSerializable(typeof(PendingPromptList))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class KiroJsonContext : JsonSerializerContext;
