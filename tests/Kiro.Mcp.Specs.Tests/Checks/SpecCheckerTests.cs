using Kiro.Mcp.Specs.Checks;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Validation;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Checks;

/// <summary>The CI gates over real spec folders: what each gate fails, and what it deliberately leaves alone.</summary>
public sealed class SpecCheckerTests : IDisposable
{
    private const string Requirements = "# Requirements Document\n\n## Requirements\n\n### Requirement 1: Items\n\n**User Story:** As a user, I want to add items, so that I remember them.\n\n#### Acceptance Criteria\n\n1. WHEN the user adds an item, THE App SHALL store it.\n2. WHEN the user removes an item, THE App SHALL delete it.\n";
    private const string Tasks = "# Implementation Plan\n\n- [x] 1. Add items\n  - _Requirements: 1.1_\n";

    private static readonly CheckGates All = new(RequireApproved: true, Drift: true, Coverage: true);

    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-check-").FullName;
    private readonly SpecService _specs;
    private readonly SpecChecker _checker;
    private readonly CancellationToken _none = CancellationToken.None;

    public SpecCheckerTests()
    {
        _specs = new SpecService(new FileStore(new WorkspaceRoot(_root)), new SpecIndex(), TimeProvider.System);
        _checker = new SpecChecker(_specs);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_started_spec_with_unapproved_documents_fails_on_each_and_its_uncovered_criterion()
    {
        await WriteAsync("items", quick: false);

        var report = await _checker.CheckAsync([], All, _none);

        var errors = report.Findings.Where(f => f.Severity == FindingSeverity.Error).ToList();
        (string, string, int)[] expected =
        [
            (FindingCodes.ApprovalRequired, ".kiro/specs/items/design.md", 0),
            (FindingCodes.ApprovalRequired, ".kiro/specs/items/requirements.md", 0),
            (FindingCodes.ApprovalRequired, ".kiro/specs/items/tasks.md", 0),
            (FindingCodes.CriterionUncovered, ".kiro/specs/items/requirements.md", 12),
        ];
        Assert.Equal(expected, errors.Select(f => (f.Code, f.File, f.Line)).Order());
        Assert.True(report.FailsAt(FindingSeverity.Error));
        Assert.False((await _checker.CheckAsync([], CheckGates.None, _none)).FailsAt(FindingSeverity.Error));
    }

    [Fact]
    public async Task A_quick_spec_has_no_approvals_to_require()
    {
        await WriteAsync("quick-items", quick: true);

        var report = await _checker.CheckAsync(["quick-items"], CheckGates.None with { RequireApproved = true }, _none);

        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.ApprovalRequired);
    }

    [Fact]
    public async Task An_unreadable_spec_fails_without_hiding_the_others_and_an_unknown_name_is_refused()
    {
        await WriteAsync("items", quick: true);
        // A cloned repository can carry a link out of the workspace; the store refuses to read through it.
        Directory.CreateDirectory(Path.Combine(_root, ".kiro", "specs", "broken"));
        File.CreateSymbolicLink(Path.Combine(_root, ".kiro", "specs", "broken", "requirements.md"), Path.Combine(Path.GetTempPath(), "kiro-mcp-outside-" + Guid.NewGuid()));

        var report = await _checker.CheckAsync([], CheckGates.None, _none);

        Assert.Equal(["broken", "items"], report.Specs.Order(StringComparer.Ordinal));
        Assert.Contains(report.Findings, f => f.Spec == "broken" && f.Code == FindingCodes.SpecUnreadable && f.Severity == FindingSeverity.Error);
        Assert.Contains(report.Findings, f => f.Spec == "items");
        var refused = await Assert.ThrowsAsync<KiroException>(() => _checker.CheckAsync(["nope"], CheckGates.None, _none));
        Assert.Equal("spec_not_found", refused.Code);
    }

    [Fact]
    public async Task Duplicate_criterion_numbers_are_reported_not_fatal_to_the_coverage_gate()
    {
        await WriteAsync("dupes", quick: true);
        var requirements = Path.Combine(_root, ".kiro", "specs", "dupes", "requirements.md");
        await File.WriteAllTextAsync(requirements, Requirements.Replace("2. WHEN the user removes", "1. WHEN the user removes", StringComparison.Ordinal), _none);

        var report = await _checker.CheckAsync(["dupes"], All, _none);

        Assert.Contains(report.Findings, f => f.Code == FindingCodes.CriterionNumberDuplicate);
    }

    private async Task WriteAsync(string spec, bool quick)
    {
        await _specs.CreateAsync(spec, SpecType.Feature, WorkflowType.RequirementsFirst, quick, null, _none);
        // Written as an editor or a merge would, past the server's gates: CI sees whatever the branch holds.
        var folder = Path.Combine(_root, ".kiro", "specs", spec);
        await File.WriteAllTextAsync(Path.Combine(folder, "requirements.md"), Requirements, _none);
        await File.WriteAllTextAsync(Path.Combine(folder, "design.md"), "# Design Document\n\n## Overview\n\nItems in a list.\n", _none);
        await File.WriteAllTextAsync(Path.Combine(folder, "tasks.md"), Tasks, _none);
    }
}
