using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Planning;
using Kiro.Mcp.Specs.Validation;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Service;

/// <summary>
/// The workflow's rules applied to one spec: which gate is closed, which phase the spec is in, and
/// the next action to tell the assistant, in words it can follow.
/// </summary>
public static class SpecProgress
{
    /// <summary>The phase a spec is in and the one next action.</summary>
    public static (string Phase, string Next) Of(SpecSnapshot snapshot)
    {
        var spec = snapshot.Name;
        foreach (var kind in snapshot.Workflow.Order)
        {
            var name = SpecLayout.Name(kind);
            if (!snapshot.Files.TryGetValue(kind, out var file))
            {
                if (snapshot.Workflow.Quick && snapshot.Files.ContainsKey(DocumentKind.Tasks))
                {
                    // A quick spec has no gates: with its tasks written, a document it skipped is no phase.
                    continue;
                }
                return (name, $"Write {name}.md: call spec_write(spec: '{spec}', document: '{name}', content: …). {SpecTemplates.Guidance(kind)}");
            }
            if (snapshot.Workflow.Quick)
            {
                // No approval gate catches an untouched template in a quick spec, so the phase does.
                if (TemplatePlaceholders.FirstIn(kind, file) is { } placeholder)
                {
                    return (name, $"{name}.md still holds the template's placeholder '{placeholder}'. Replace the template with the spec's real content: call spec_write(spec: '{spec}', document: '{name}', content: …).");
                }
                continue;
            }
            switch (snapshot.ApprovalOf(kind))
            {
                case "changes_requested" when snapshot.OpenChangeRequest(kind) is { } request:
                    return (name, $"{request.By.Name} asked for changes to {name}.md: \"{request.Comment}\". Revise it with spec_write(spec: '{spec}', document: '{name}', …), then ask for approval again.");
                case "stale":
                    return (name, $"{name}.md changed after it was approved. Review it with the user, then call spec_approve(spec: '{spec}', document: '{name}') again.");
                case "none":
                    return (name, $"Review {name}.md: call spec_validate(spec: '{spec}'), fix any errors with spec_write, show the document to the user, and call spec_approve(spec: '{spec}', document: '{name}') once they agree.");
            }
        }
        if (snapshot.Documents.Tasks is not { } tasks)
        {
            return ("done", "All required tasks are done.");
        }
        // The same rule as task_next: the first required task whose dependencies are done.
        var graph = TaskGraph.Of(tasks, CancellationToken.None);
        if (graph.ReadyRequired() is [var next, ..])
        {
            return ("implementation", $"Start task {next.Id} '{next.Title}' with task_start(spec: '{spec}', taskId: '{next.Id}'), implement it against its acceptance criteria, then call task_complete.");
        }
        return graph.Tasks.All(t => t.Optional || t.Status == Documents.TaskStatus.Done)
            ? ("done", "All required tasks are done.")
            : ("implementation", $"No task is ready: the open tasks wait for others. Call task_plan(spec: '{spec}') to see the dependencies.");
    }

    /// <summary>What to do after writing a document, given its findings.</summary>
    public static string NextAfterWrite(SpecSnapshot snapshot, DocumentKind kind, IReadOnlyList<Finding> findings)
    {
        var name = SpecLayout.Name(kind);
        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        if (errors > 0)
        {
            return $"Fix the {errors} error finding(s) in {name}.md with spec_write; it can't be approved until they are gone.";
        }
        if (snapshot.Workflow.Quick)
        {
            return Of(snapshot).Next;
        }
        var warnings = findings.Count(f => f.Severity == FindingSeverity.Warning);
        var advice = warnings > 0 ? $"Consider the {warnings} warning(s), then show" : "Show";
        return $"{advice} {name}.md to the user and ask: '{ReviewQuestion(kind)}' When they agree, call spec_approve(spec: '{snapshot.Name}', document: '{name}').";
    }

    /// <summary>The question Kiro asks before an approval, in the document's own grammatical number.</summary>
    public static string ReviewQuestion(DocumentKind kind) => kind switch
    {
        DocumentKind.Requirements => "Do the requirements look good?",
        DocumentKind.Bugfix => "Does the bugfix analysis look good?",
        DocumentKind.Design => "Does the design look good?",
        DocumentKind.Tasks => "Do the tasks look good?",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Refuses work on a document while any document before it lacks a current approval (quick specs have no gates).</summary>
    public static void CheckGate(SpecSnapshot snapshot, DocumentKind kind)
    {
        var target = SpecLayout.FileName(kind);
        // Every gate on the way back to the first document, earliest first: that is the one to fix first.
        var gates = new List<DocumentKind>();
        for (var gate = snapshot.Workflow.GateFor(kind); gate is not null; gate = snapshot.Workflow.GateFor(gate.Value))
        {
            gates.Insert(0, gate.Value);
        }
        foreach (var earlier in gates)
        {
            var name = SpecLayout.Name(earlier);
            switch (snapshot.ApprovalOf(earlier))
            {
                case "none":
                    throw new KiroException("gate_closed",
                        $"{target} can't be written yet: {name}.md is not approved. Finish {name}.md, run spec_validate, and when the user agrees call spec_approve(spec: '{snapshot.Name}', document: '{name}').");
                case "changes_requested":
                    throw new KiroException("gate_closed",
                        $"{target} can't be written: changes to {name}.md were requested ({snapshot.OpenChangeRequest(earlier)?.Comment}). Revise {name}.md with spec_write, and when the user agrees call spec_approve(spec: '{snapshot.Name}', document: '{name}').");
                case "stale":
                    throw new KiroException("gate_closed",
                        $"{target} can't be written: {name}.md changed after it was approved. Review {name}.md with the user and call spec_approve(spec: '{snapshot.Name}', document: '{name}') again.");
            }
        }
    }

}
