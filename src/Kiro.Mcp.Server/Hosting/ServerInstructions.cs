using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>What the assistant is told at the start: the workflow, which workspaces there are, and whether their code may run.</summary>
public static class ServerInstructions
{
    public const string Workflow =
        "Kiro-style spec-driven development. A spec goes requirements → design → tasks (design-first: design → requirements → tasks; bugfix: bugfix → design → tasks), " +
        "and each document must be approved by the user (spec_approve) before the next can be written. Start with spec_create, follow the nextStep of every result, " +
        "and run spec_validate before asking for approval. The prompt 'spec_workflow' explains the whole flow. " +
        "Before changing files, call steering_context with their paths for the project's rules.";

    /// <param name="pinned">The one workspace an HTTP endpoint (/mcp/NAME) serves, or null.</param>
    public static string For(WorkspaceCatalog catalog, TrustList trust, ServerSettings settings, string? pinned)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        var entries = catalog.Entries;
        var one = pinned is not null ? catalog.Find(pinned) : entries is [var only] ? only : null;
        if (one is not null)
        {
            return Workflow + " " + Trust(new WorkspaceTrust(new WorkspaceRoot(one.Path), trust, settings.Trust, settings.Command));
        }
        var choice = catalog.Default is { } fallback
            ? $"Tools without a 'workspace' argument use '{fallback}'."
            : "Pass 'workspace' to every tool but workspace_list.";
        return Workflow + $" This server serves {entries.Count} workspaces (repositories): {catalog.Listed()}. {choice} " +
            "Call workspace_list to see them with their specs, open tasks and whether each is trusted to run its command hooks, verification commands and MSBuild. " +
            "Resource addresses name the workspace: kiro://WORKSPACE/specs.";
    }

    private static string Trust(WorkspaceTrust trust) => trust.IsTrusted
        ? "This workspace is trusted: its command hooks, task verification commands and MSBuild evaluation run."
        : trust.Untrusted("its command hooks, task verification commands and MSBuild evaluation in steering_generate do not run (agent hooks and every other tool work)")
            .Replace("To trust it, run", "Only the user can trust it: they run", StringComparison.Ordinal);
}
