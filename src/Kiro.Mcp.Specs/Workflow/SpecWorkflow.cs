using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Workflow;

/// <summary>
/// The order of a spec's documents and its gates: requirements-first is requirements → design → tasks,
/// design-first is design → requirements → tasks, bugfix is bugfix → design → tasks. A quick spec has
/// the same documents and no gates.
/// </summary>
public sealed class SpecWorkflow
{
    private SpecWorkflow(IReadOnlyList<DocumentKind> order, bool quick)
    {
        Order = order;
        Quick = quick;
    }

    public IReadOnlyList<DocumentKind> Order { get; }

    public bool Quick { get; }

    public static SpecWorkflow For(SpecConfig config, bool quick) => new(
        config.Type == SpecType.Bugfix ? [DocumentKind.Bugfix, DocumentKind.Design, DocumentKind.Tasks]
        : config.Workflow == WorkflowType.DesignFirst ? [DocumentKind.Design, DocumentKind.Requirements, DocumentKind.Tasks]
        : [DocumentKind.Requirements, DocumentKind.Design, DocumentKind.Tasks],
        quick);

    public bool Contains(DocumentKind kind) => Order.Contains(kind);

    /// <summary>The document that must be approved before <paramref name="kind"/> may be written; null for the first one or in quick mode.</summary>
    public DocumentKind? GateFor(DocumentKind kind)
    {
        var index = Order.ToList().IndexOf(kind);
        return Quick || index <= 0 ? null : Order[index - 1];
    }

    /// <summary>The document whose numbered criteria tasks cite: bugfix.md for a bugfix spec, requirements.md otherwise.</summary>
    public DocumentKind CriteriaSource => Order.Contains(DocumentKind.Bugfix) ? DocumentKind.Bugfix : DocumentKind.Requirements;
}
