using System.ComponentModel;
using Kiro.Mcp.Steering.Generation.Service;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>Steering generation: product.md, tech.md and structure.md from the workspace itself.</summary>
[McpServerToolType]
public sealed class SteeringGenerationTools(SteeringGenerator generator)
{
    [McpServerTool(Name = "steering_generate", Title = "Generate steering documents", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Analyses the workspace (projects, manifests, CI, git, README) and writes product.md, tech.md and structure.md to .kiro/steering; hand-edited files are kept (with a diff) unless force.")]
    public Task<SteeringGeneration> GenerateAsync(
        IProgress<ProgressNotificationValue> progress,
        [Description("Documents to generate: product, tech, structure; omit for all three.")] string[]? documents = null,
        [Description("True to replace documents that were edited by hand.")] bool force = false,
        [Description("True to return the documents and diffs without writing anything.")] bool dryRun = false,
        CancellationToken cancellationToken = default) =>
        generator.GenerateAsync(
            documents,
            force,
            dryRun,
            new Progress(progress),
            cancellationToken);

    /// <summary>Forwards domain progress as MCP progress notifications (sent only when the client asked for them).</summary>
    private sealed class Progress(IProgress<ProgressNotificationValue> progress) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) =>
            progress.Report(new ProgressNotificationValue { Progress = value.Step, Total = value.Total, Message = value.Message });
    }
}
