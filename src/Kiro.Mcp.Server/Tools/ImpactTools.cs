using System.ComponentModel;
using Kiro.Mcp.Specs.Impact;
using Kiro.Mcp.Workspace;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>The impact toolset: <c>kiro-mcp impact</c>'s report for an assistant reviewing a change (the same <see cref="ImpactAnalyzer"/>).</summary>
[McpServerToolType]
public sealed class ImpactTools(ImpactAnalyzer analyzer)
{
    [McpServerTool(Name = "spec_impact", Title = "Impact of a change", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("How the change from base to head affects the specs: criteria, tasks to recheck, code earlier tasks wrote.")]
    public Task<ImpactReport> ImpactAsync(
        [Description("Branch, tag or sha.")] string @base,
        [Description("Default HEAD.")] string? head = null,
        CancellationToken cancellationToken = default) =>
        // LibGit2Sharp has no async API and reads a large diff for a while: off the request's thread.
        Task.Run(() =>
        {
            try
            {
                return analyzer.Analyze(@base, head);
            }
            catch (Exception e) when (e is LibGit2Sharp.LibGit2SharpException or IOException)
            {
                throw new KiroException("git_unreadable", $"The repository could not be read ({e.Message}). Check that the workspace's git repository is intact (git status), then try again.");
            }
        }, cancellationToken);
}
