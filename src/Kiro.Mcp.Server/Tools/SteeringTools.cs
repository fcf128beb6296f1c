using System.ComponentModel;
using Kiro.Mcp.Steering.Service;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>The steering toolset: the project's standing rules, as Kiro keeps them, for the files at hand.</summary>
[McpServerToolType]
public sealed class SteeringTools(SteeringService steering)
{
    [McpServerTool(Name = "steering_list", Title = "List steering", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The steering documents (.kiro/steering, ~/.kiro/steering, AGENTS.md) with inclusion and findings.")]
    public Task<SteeringList> ListAsync(CancellationToken cancellationToken = default) =>
        steering.ListAsync(cancellationToken);

    [McpServerTool(Name = "steering_read", Title = "Read steering", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("A steering document with #[[file:…]] references expanded, and the version for steering_write.")]
    public Task<SteeringText> ReadAsync(
        [Description("Name from steering_list, e.g. 'tech' or 'src/api/AGENTS.md'.")] string name,
        [Description("False for the text as written (to edit it).")] bool expand = true,
        CancellationToken cancellationToken = default) =>
        steering.ReadAsync(name, expand, cancellationToken);

    [McpServerTool(Name = "steering_context", Title = "Steering for files", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Steering for the files you will work on (always, fileMatch, AGENTS.md, named) and the auto documents you may ask for.")]
    public Task<SteeringContext> ContextAsync(
        [Description("Workspace-relative, e.g. ['src/api/users.ts'].")] string[] paths,
        [Description("Manual or auto documents to add.")] string[]? include = null,
        CancellationToken cancellationToken = default) =>
        steering.ContextAsync(paths ?? [], include ?? [], cancellationToken);

    [McpServerTool(Name = "steering_write", Title = "Write steering", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Writes .kiro/steering/<name>.md with front matter for its inclusion; refused if changed since expectedVersion.")]
    public Task<SteeringWriteOutcome> WriteAsync(
        [Description("Without .md: letters, digits, '-', '_', e.g. 'api-design'.")] string name,
        [Description("Markdown body, or a whole file with front matter (then omit the options).")] string content,
        [Description("'always' (default), 'fileMatch', 'manual' or 'auto'.")] string? inclusion = null,
        [Description("For fileMatch: globs, e.g. ['src/**/*.ts'].")] string[]? fileMatchPattern = null,
        [Description("For auto: when the document applies.")] string? description = null,
        [Description("From steering_read, or 'absent' to create only; omit to overwrite.")] string? expectedVersion = null,
        CancellationToken cancellationToken = default) =>
        steering.WriteAsync(name, content, inclusion, fileMatchPattern, description, expectedVersion, cancellationToken);
}
