using Kiro.Mcp.Specs.Evidence;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Validation;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Checks;

/// <summary>
/// The specs as a CI gate sees them (<c>kiro-mcp check</c>): every finding of the linter, uncapped and placed in its
/// file, with the chosen <see cref="CheckGates"/> raising drift, coverage and approvals to errors.
/// </summary>
public sealed class SpecChecker(SpecService specs)
{
    /// <param name="names">The specs to check; empty for all of them.</param>
    /// <exception cref="KiroException">A named spec does not exist (code spec_not_found).</exception>
    public Task<CheckReport> CheckAsync(IReadOnlyList<string> names, CheckGates gates, CancellationToken cancellationToken) =>
        CheckAsync(names, gates, [], cancellationToken);

    /// <param name="tests">Results of a test run: tests tagged for a spec's properties or criteria are its evidence.</param>
    public async Task<CheckReport> CheckAsync(IReadOnlyList<string> names, CheckGates gates, IReadOnlyList<TestCaseResult> tests, CancellationToken cancellationToken)
    {
        var known = specs.Names();
        var unknown = names.Where(n => !known.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new KiroException("spec_not_found",
                $"No spec named {string.Join(", ", unknown.Select(n => $"'{n}'"))}. The specs are: {(known.Count == 0 ? "none" : string.Join(", ", known))}.");
        }
        var chosen = names.Count > 0 ? names.Distinct(StringComparer.Ordinal).ToList() : known;
        var findings = new List<CheckFinding>();
        foreach (var spec in chosen)
        {
            findings.AddRange(await CheckOneAsync(spec, gates, tests, cancellationToken));
        }
        return new CheckReport(chosen, findings);
    }

    private async Task<IEnumerable<CheckFinding>> CheckOneAsync(string spec, CheckGates gates, IReadOnlyList<TestCaseResult> tests, CancellationToken cancellationToken)
    {
        SpecFindings found;
        try
        {
            found = await specs.FindingsAsync(spec, cancellationToken);
        }
        catch (KiroException e)
        {
            // One unreadable spec fails the run without hiding what the others have.
            return [new CheckFinding(spec, SpecLayout.Folder(spec), 0, FindingSeverity.Error, FindingCodes.SpecUnreadable, e.Message,
                "Fix the file the message names; spec_status shows the same problem.")];
        }
        var snapshot = found.Snapshot;
        var results = new List<CheckFinding>();
        foreach (var finding in found.Findings)
        {
            var placed = new CheckFinding(spec, FileOf(spec, finding.Document), finding.Line, finding.Severity, finding.Code, finding.Message, finding.Hint);
            if (finding.Code == FindingCodes.CriterionUncovered && gates.Coverage && snapshot.Documents.Tasks is not null)
            {
                continue; // reported below, on the criterion's own line
            }
            results.Add(finding.Code == FindingCodes.TaskNeedsRecheck && gates.Drift ? placed with { Severity = FindingSeverity.Error } : placed);
        }
        // Coverage is a question for a plan: before tasks.md exists every criterion is "uncovered" and nothing is wrong.
        if (gates.Coverage && snapshot.Documents.Tasks is not null)
        {
            results.AddRange(Uncovered(snapshot, found.Coverage));
        }
        if (gates.RequireApproved)
        {
            results.AddRange(Approvals(snapshot));
        }
        if (tests.Count > 0)
        {
            results.AddRange(Evidence(snapshot, EvidenceLinker.Link(snapshot, tests), gates));
        }
        return results.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line);
    }

    /// <summary>
    /// The linter reports an uncovered criterion against tasks.md as a whole; a reviewer reading a pull request
    /// wants it on the criterion's own line.
    /// </summary>
    private static IEnumerable<CheckFinding> Uncovered(SpecSnapshot snapshot, Coverage coverage)
    {
        // Duplicate numbering is a finding of its own, not a reason to fail the whole check: the first of an id is taken.
        var criteria = (snapshot.Documents.Requirements?.Requirements ?? []).SelectMany(r => r.Criteria)
            .GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var file = SpecLayout.Document(snapshot.Name, snapshot.Workflow.CriteriaSource);
        foreach (var id in coverage.Uncovered)
        {
            var criterion = criteria.GetValueOrDefault(id);
            yield return new CheckFinding(snapshot.Name, file, criterion?.Line ?? 0, FindingSeverity.Error, FindingCodes.CriterionUncovered,
                $"Criterion {id} is not cited by any task" + (criterion is null ? "." : $": \"{Excerpt.Of(criterion.Text)}\"."),
                $"Add '{id}' to the _Requirements:_ line of the task that implements it, or add a task for it.");
        }
    }

    /// <summary>
    /// Failing tests are errors whatever the gates. Criteria without a passing test matter once some test speaks for the
    /// spec at all (a team that has not tagged its tests yet is not failed for it): errors with --coverage, else notes.
    /// </summary>
    private static IEnumerable<CheckFinding> Evidence(SpecSnapshot snapshot, SpecEvidence evidence, CheckGates gates)
    {
        var file = SpecLayout.Document(snapshot.Name, snapshot.Workflow.CriteriaSource);
        foreach (var unknown in evidence.Unknown)
        {
            yield return new CheckFinding(snapshot.Name, SpecLayout.Folder(snapshot.Name), 0, FindingSeverity.Warning, FindingCodes.TestReferenceUnknown,
                $"A test cites {unknown}, which spec '{snapshot.Name}' does not have.",
                "Fix the test's tag, or the design's property numbers; a renumbered property leaves its tests pointing nowhere.");
        }
        if (!evidence.Exists)
        {
            yield break;
        }
        foreach (var criterion in (snapshot.Documents.Requirements?.Requirements ?? []).SelectMany(r => r.Criteria))
        {
            var state = evidence.Criteria.GetValueOrDefault(criterion.Id);
            if (state is { Failed.Count: > 0 })
            {
                yield return new CheckFinding(snapshot.Name, file, criterion.Line, FindingSeverity.Error, FindingCodes.CriterionTestFailing,
                    $"Criterion {criterion.Id} is validated by {Tests(state.Failed)} that failed.",
                    "Fix the code or the test; the criterion is not met while its test fails.");
            }
            else if (state is null)
            {
                yield return new CheckFinding(snapshot.Name, file, criterion.Line, gates.Coverage ? FindingSeverity.Error : FindingSeverity.Info, FindingCodes.CriterionUntested,
                    $"No passing test validates criterion {criterion.Id}: \"{Excerpt.Of(criterion.Text)}\".",
                    $"Tag a test that proves it '{EvidenceTags.CriteriaExample.Replace("<spec>", snapshot.Name, StringComparison.Ordinal).Replace("1.2, 2.1", criterion.Id, StringComparison.Ordinal)}', or tag a property test with its design property ('{EvidenceTags.PropertyExample}').");
            }
        }
    }

    private static string Tests(IReadOnlyList<string> names) =>
        (names.Count == 1 ? "test " : $"{names.Count} tests, ") + string.Join(", ", names.Take(3).Select(n => $"'{n}'")) + (names.Count > 3 ? ", …" : "");

    private static IEnumerable<CheckFinding> Approvals(SpecSnapshot snapshot)
    {
        var counts = snapshot.TaskCounts();
        // A quick spec has no gates by choice, and a spec whose tasks have not started is still being written.
        if (snapshot.Workflow.Quick || counts.Done + counts.InProgress + counts.Queued == 0)
        {
            yield break;
        }
        foreach (var kind in snapshot.Workflow.Order)
        {
            var state = snapshot.ApprovalOf(kind);
            if (state == "approved")
            {
                continue;
            }
            var name = SpecLayout.FileName(kind);
            var why = state switch
            {
                "stale" => $"{name} changed after it was approved",
                "changes_requested" => $"a reviewer asked for changes to {name}",
                _ when !snapshot.Files.ContainsKey(kind) => $"{name} does not exist",
                _ => $"{name} was never approved",
            };
            yield return new CheckFinding(snapshot.Name, SpecLayout.Document(snapshot.Name, kind), 0, FindingSeverity.Error, FindingCodes.ApprovalRequired,
                $"Work on the tasks of '{snapshot.Name}' has started, but {why}.",
                $"Review {name} and approve it (spec_approve), or revert the change that made the approval stale.");
        }
    }

    private static string FileOf(string spec, string document) =>
        SpecLayout.TryParseDocument(document) is { } kind ? SpecLayout.Document(spec, kind) : SpecLayout.Folder(spec);
}
