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
    [Description("Writes .kiro/steering/product.md, tech.md and structure.md from the projects, manifests, CI, git and README; keeps hand-edited files (with a diff) unless force.")]
    public Task<SteeringGeneration> GenerateAsync(
        IProgress<ProgressNotificationValue> progress,
        [Description("product, tech and/or structure; omit for all.")] string[]? documents = null,
        [Description("Replace hand-edited documents.")] bool force = false,
        [Description("Return documents and diffs, write nothing.")] bool dryRun = false,
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
