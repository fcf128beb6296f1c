using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Steering.Service;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>Completes spec names, document names and steering names in resource templates and prompts.</summary>
public static class Completions
{
    private const int MaxValues = 100;

    public static async ValueTask<CompleteResult> HandleAsync(RequestContext<CompleteRequestParams> context, CancellationToken cancellationToken)
    {
        var request = context.Params!;
        var selector = context.Services!.GetRequiredService<WorkspaceSelector>();
        IReadOnlyList<string> candidates;
        if (request.Argument.Name == WorkspaceSelector.Argument)
        {
            var pinned = WorkspaceSelector.Pinned(context);
            candidates = [.. selector.Catalog.Entries.Select(e => e.Name).Where(n => pinned is null || n == pinned)];
        }
        else
        {
            string? workspace = null;
            request.Context?.Arguments?.TryGetValue(WorkspaceSelector.Argument, out workspace);
            try
            {
                candidates = await selector.RunAsync(context, workspace, () => CandidatesAsync(context, request, cancellationToken), cancellationToken);
            }
            catch (KiroException)
            {
                // No workspace chosen yet on a server with several, or an unknown one: nothing to offer.
                candidates = [];
            }
        }
        var values = candidates.Where(v => v.StartsWith(request.Argument.Value ?? "", StringComparison.OrdinalIgnoreCase)).ToList();
        return new CompleteResult
        {
            Completion = new Completion { Values = values.Take(MaxValues).ToList(), Total = values.Count, HasMore = values.Count > MaxValues },
        };
    }

    private static async Task<IReadOnlyList<string>> CandidatesAsync(RequestContext<CompleteRequestParams> context, CompleteRequestParams request, CancellationToken cancellationToken)
    {
        var specs = context.Services!.GetRequiredService<SpecService>();
        return request.Argument.Name switch
        {
            "spec" => specs.Names(),
            "document" => await DocumentsAsync(specs, request, cancellationToken),
            "name" when request.Ref is ResourceTemplateReference { Uri: { } uri } && uri.Contains("/steering/", StringComparison.Ordinal) =>
                await context.Services!.GetRequiredService<SteeringService>().NamesAsync(cancellationToken),
            _ => [],
        };
    }

    /// <summary>The documents of the spec already chosen, or every document name when none is.</summary>
    private static async Task<IReadOnlyList<string>> DocumentsAsync(SpecService specs, CompleteRequestParams request, CancellationToken cancellationToken)
    {
        List<string> names = [.. SpecLayout.DocumentNames];
        if (request.Context?.Arguments?.TryGetValue("spec", out var spec) == true && specs.Names().Contains(spec))
        {
            var snapshot = await specs.LoadAsync(spec, cancellationToken);
            names = snapshot.Workflow.Order.Select(SpecLayout.Name).ToList();
        }
        if (request.Ref is ResourceTemplateReference)
        {
            names.Add("status");
        }
        return names;
    }
}
