using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Workflow;

public class SpecStateTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly Actor Alice = new("alice-id", "Alice", "alice@example.com", Verified: true, Client: "Claude Code 2.1");
    private static readonly Actor Bob = new("bob", "bob", null, Verified: true, Client: null);

    [Fact]
    public void Approvals_are_written_in_workflow_order_one_field_per_line_whatever_the_order_they_were_made_in()
    {
        var state = SpecState.Empty
            .WithApproval(DocumentKind.Tasks, new ApprovalRecord("c3", Bob, Noon, null))
            .WithApproval(DocumentKind.Requirements, new ApprovalRecord("a1", Alice, Noon, "looks good"));

        Assert.Equal("""
            {
              "quick": false,
              "approvals": {
                "requirements": {
                  "version": "a1",
                  "by": "Alice",
                  "byId": "alice-id",
                  "email": "alice@example.com",
                  "verified": true,
                  "client": "Claude Code 2.1",
                  "at": "2026-11-25T12:00:00Z",
                  "note": "looks good"
                },
                "tasks": {
                  "version": "c3",
                  "by": "bob",
                  "byId": "bob",
                  "verified": true,
                  "at": "2026-11-25T12:00:00Z"
                }
              }
            }

            """.Replace("\r\n", "\n"), state.ToJson());
    }

    [Fact]
    public void A_written_state_reads_back_equal()
    {
        var state = (SpecState.Empty with { Quick = true }).WithApproval(DocumentKind.Design, new ApprovalRecord("d4", Alice, Noon, null))
            .WithChangeRequest(DocumentKind.Requirements, new ChangeRequest("r2", Bob, Noon, "Name the \"limit\".\nPlease."))
            .WithAuthor(DocumentKind.Requirements, new AuthorRecord("r2", Alice, Noon));

        var read = SpecState.Parse(state.ToJson(), "x");

        Assert.True(read.Quick);
        Assert.Equal(state.Approvals[DocumentKind.Design], read.Approvals[DocumentKind.Design]);
        Assert.Equal(state.ChangeRequests[DocumentKind.Requirements], read.ChangeRequests[DocumentKind.Requirements]);
        Assert.Equal(state.Authors[DocumentKind.Requirements], read.Authors[DocumentKind.Requirements]);
        Assert.Equal(state.ToJson(), read.ToJson());
    }

    [Fact]
    public void A_file_written_before_identities_were_recorded_still_reads_its_approver_as_an_unverified_name()
    {
        var read = SpecState.Parse("""
            {
              "quick": false,
              "approvals": {
                "requirements": {
                  "version": "a1",
                  "by": "Claude 1.0",
                  "at": "2026-11-25T12:00:00Z"
                }
              }
            }
            """, "x");

        var approval = read.Approvals[DocumentKind.Requirements];
        Assert.Equal(new Actor("Claude 1.0", "Claude 1.0", null, Verified: false, Client: null), approval.By);
        Assert.Equal("a1", approval.Version);
        Assert.Equal(Noon, approval.At);
        Assert.Empty(read.ChangeRequests);
        Assert.Empty(read.Authors);
    }

    [Fact]
    public void An_approval_answers_the_request_for_changes_of_its_document_and_only_that_one()
    {
        var state = SpecState.Empty
            .WithChangeRequest(DocumentKind.Requirements, new ChangeRequest("r1", Bob, Noon, "More detail."))
            .WithChangeRequest(DocumentKind.Design, new ChangeRequest("d1", Bob, Noon, "Add a diagram."))
            .WithApproval(DocumentKind.Requirements, new ApprovalRecord("r2", Bob, Noon, null));

        Assert.Equal([DocumentKind.Design], state.ChangeRequests.Keys);
        Assert.Contains("\"changes\"", state.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"authors\"", state.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_state_file_is_reported_with_its_path_and_what_to_do()
    {
        var error = Assert.Throws<KiroException>(() => SpecState.Parse("{ not json", ".kiro/specs/a/.workflow.json"));
        Assert.Equal("state_invalid", error.Code);
        Assert.Contains(".kiro/specs/a/.workflow.json", error.Message);
    }
}
