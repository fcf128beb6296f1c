using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Steering.Documents;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Service;

/// <summary>
/// The steering of a task's execution context: <see cref="SteeringService.ContextAsync"/> for the
/// files the task names. The documents chosen for those files (fileMatch, a sub-folder's AGENTS.md)
/// come first, since the task context has a budget and they are the most specific; then the ones
/// that apply everywhere; then one section naming the <c>auto</c> documents the assistant may ask for.
/// </summary>
public sealed class TaskSteeringSource(SteeringService steering, WorkspaceRoot root) : ISteeringSource
{
    public async Task<IReadOnlyList<ContextSection>> ForFilesAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        // A task names files in free text; one that is no workspace path simply selects nothing.
        // A task that names more files than a context call takes gets the steering of the first ones.
        var paths = files.Where(f => IsWorkspacePath(root, f)).Take(SteeringService.MaxContextPaths).ToList();
        var context = await steering.ContextAsync(paths, [], cancellationToken);
        var sections = context.Documents
            .OrderBy(d => d.Inclusion == InclusionNames.FileMatch || (d.Source == "agents" && d.Name != SteeringDocument.AgentsFileName) ? 0 : 1)
            .Select(d => new ContextSection($"Steering: {d.Name} ({d.Reason})", d.Text))
            .ToList();
        if (context.Available.Count > 0)
        {
            sections.Add(new ContextSection("Steering available on request (steering_read or steering_context include)",
                string.Join('\n', context.Available.Select(a => $"- {a.Name}: {a.Description ?? "(no description)"}"))));
        }
        return sections;
    }

    private static bool IsWorkspacePath(WorkspaceRoot root, string path)
    {
        try
        {
            SteeringService.WorkspacePath(root, path);
            return true;
        }
        catch (KiroException)
        {
            return false;
        }
    }
}
