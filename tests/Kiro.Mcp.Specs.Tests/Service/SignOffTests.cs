using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Service;

/// <summary>Approvals that mean sign-off: who approved, who wrote, the second-person rule, requests for changes.</summary>
public sealed class SignOffTests : IDisposable
{
    private const string Requirements = "# Requirements Document\n\n## Requirements\n\n### Requirement 1: Items\n\n**User Story:** As a user, I want to add items, so that I remember them.\n\n#### Acceptance Criteria\n\n1. WHEN the user adds an item, THE App SHALL store it.\n";
    private const string Tasks = "# Implementation Plan\n\n- [ ] 1. Add items\n  - _Requirements: 1.1_\n";

    private static readonly Actor Alice = new("alice-id", "Alice", "alice@example.com", Verified: true, Client: "Claude Code 2.1");
    private static readonly Actor Bob = new("bob-id", "Bob", null, Verified: true, Client: "VS Code 1.99");

    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-signoff-").FullName;
    private readonly SpecService _specs;
    private readonly CancellationToken _none = CancellationToken.None;

    public SignOffTests() => _specs = new SpecService(new FileStore(new WorkspaceRoot(_root)), new SpecIndex(), TimeProvider.System);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task An_approval_records_the_verified_identity_and_status_reports_it()
    {
        var version = await WrittenByAsync("items", Alice);

        var outcome = await _specs.ApproveAsync("items", "requirements", version, Bob, "fine", secondPerson: false, _none);

        Assert.Equal((true, "Bob"), (outcome.Approved, outcome.By));
        var state = await StateAsync("items");
        Assert.Equal(Bob, state.Approvals[DocumentKind.Requirements].By);
        Assert.Equal(Alice, state.Authors[DocumentKind.Requirements].By);
        var status = (await _specs.StatusAsync("items", _none)).Documents[0];
        Assert.Equal(("approved", "Bob", "bob-id"), (status.Approval, status.By, status.ById));
    }

    [Fact]
    public async Task With_the_second_person_rule_the_writer_of_the_current_version_is_refused_with_their_name()
    {
        var version = await WrittenByAsync("items", Alice);

        var early = await Assert.ThrowsAsync<KiroException>(() => _specs.CheckApprovableAsync("items", "requirements", Alice, secondPerson: true, _none));
        var late = await Assert.ThrowsAsync<KiroException>(() => _specs.ApproveAsync("items", "requirements", version, Alice, null, secondPerson: true, _none));

        Assert.Equal("second_person_required", early.Code);
        Assert.Equal("second_person_required", late.Code);
        Assert.Contains("Alice (alice-id)", late.Message);
        Assert.Empty((await StateAsync("items")).Approvals);
        Assert.True((await _specs.ApproveAsync("items", "requirements", version, Bob, null, secondPerson: true, _none)).Approved);
    }

    [Fact]
    public async Task The_same_id_unverified_is_another_person_and_a_rewrite_of_the_same_text_keeps_its_first_writer()
    {
        var version = await WrittenByAsync("items", Alice);
        await _specs.WriteAsync("items", "requirements", Requirements, null, null, Bob, _none);

        await Assert.ThrowsAsync<KiroException>(() => _specs.ApproveAsync("items", "requirements", version, Alice, null, secondPerson: true, _none));
        var impostor = Alice with { Verified = false };
        Assert.False(impostor.IsSamePersonAs(Alice));
    }

    [Fact]
    public async Task A_version_nobody_recorded_may_be_approved_with_a_notice_that_the_rule_could_not_be_checked()
    {
        await WrittenByAsync("items", Alice);
        File.WriteAllText(Path.Combine(_root, ".kiro/specs/items/requirements.md"), Requirements.Replace("store it", "store it at once", StringComparison.Ordinal));
        var edited = await _specs.CheckApprovableAsync("items", "requirements", Alice, secondPerson: true, _none);

        var outcome = await _specs.ApproveAsync("items", "requirements", edited, Alice, null, secondPerson: true, _none);

        Assert.True(outcome.Approved);
        Assert.Contains("could not be checked", outcome.NextStep);
        Assert.Null((await _specs.LoadAsync("items", _none)).AuthorOf(DocumentKind.Requirements));
    }

    [Fact]
    public async Task Ticking_a_task_box_is_not_authorship_of_tasks_md()
    {
        await _specs.CreateAsync("plan", SpecType.Feature, WorkflowType.RequirementsFirst, quick: true, null, Bob, _none);
        await _specs.WriteAsync("plan", "requirements", Requirements, null, null, Bob, _none);
        await _specs.WriteAsync("plan", "tasks", Tasks, null, null, Alice, _none);
        var tasksFile = Path.Combine(_root, ".kiro/specs/plan/tasks.md");
        File.WriteAllText(tasksFile, File.ReadAllText(tasksFile).Replace("- [ ]", "- [x]", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<KiroException>(() => _specs.CheckApprovableAsync("plan", "tasks", Alice, secondPerson: true, _none));

        Assert.Equal("second_person_required", error.Code);
    }

    [Fact]
    public async Task A_request_for_changes_closes_the_gate_shows_its_comment_and_a_new_version_answers_it()
    {
        var version = await WrittenByAsync("items", Alice);

        var outcome = await _specs.RequestChangesAsync("items", "requirements", Bob, "  Say what an item is.  ", _none);

        Assert.Equal((false, "Bob"), (outcome.Approved, outcome.By));
        Assert.Contains("Say what an item is.", outcome.NextStep);
        Assert.Equal("Say what an item is.", (await StateAsync("items")).ChangeRequests[DocumentKind.Requirements].Comment);
        var status = await _specs.StatusAsync("items", _none);
        Assert.Equal(("changes_requested", "Bob", "bob-id", "Say what an item is."), (status.Documents[0].Approval, status.Documents[0].By, status.Documents[0].ById, status.Documents[0].Comment));
        Assert.Contains("Say what an item is.", status.NextAction);
        Assert.Equal("gate_closed", (await Assert.ThrowsAsync<KiroException>(() => _specs.WriteAsync("items", "design", "# Design Document\n", null, null, Alice, _none))).Code);
        var open = Assert.Single(await _specs.OpenChangeRequestsAsync("items", _none));
        Assert.Equal(("requirements", version), (open.Document, open.Request.Version));

        await _specs.WriteAsync("items", "requirements", Requirements.Replace("an item", "a named item", StringComparison.Ordinal), null, null, Alice, _none);

        Assert.Equal("none", (await _specs.StatusAsync("items", _none)).Documents[0].Approval);
        Assert.Empty(await _specs.OpenChangeRequestsAsync("items", _none));
    }

    [Fact]
    public async Task Changes_requested_of_an_approved_document_close_its_gate_and_a_new_version_makes_the_approval_stale()
    {
        var version = await WrittenByAsync("items", Alice);
        await _specs.ApproveAsync("items", "requirements", version, Bob, null, secondPerson: true, _none);

        await _specs.RequestChangesAsync("items", "requirements", Bob, "On second thought, add limits.", _none);
        Assert.Equal("changes_requested", (await _specs.StatusAsync("items", _none)).Documents[0].Approval);
        await Assert.ThrowsAsync<KiroException>(() => _specs.WriteAsync("items", "design", "# Design Document\n", null, null, Alice, _none));

        await _specs.WriteAsync("items", "requirements", Requirements + "\n", null, null, Alice, _none);
        Assert.Equal("stale", (await _specs.StatusAsync("items", _none)).Documents[0].Approval);
    }

    [Fact]
    public async Task A_request_for_changes_needs_a_comment()
    {
        await WrittenByAsync("items", Alice);

        var error = await Assert.ThrowsAsync<KiroException>(() => _specs.RequestChangesAsync("items", "requirements", Bob, "  ", _none));

        Assert.Equal("comment_required", error.Code);
        Assert.Equal("none", (await _specs.StatusAsync("items", _none)).Documents[0].Approval);
    }

    private async Task<string> WrittenByAsync(string spec, Actor writer)
    {
        await _specs.CreateAsync(spec, SpecType.Feature, WorkflowType.RequirementsFirst, quick: false, null, writer, _none);
        return (await _specs.WriteAsync(spec, "requirements", Requirements, null, null, writer, _none)).Version;
    }

    private async Task<SpecState> StateAsync(string spec) =>
        (await _specs.LoadAsync(spec, _none)).State;
}
