using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Workflow;

public class SpecStateTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Approvals_are_written_in_workflow_order_one_field_per_line_whatever_the_order_they_were_made_in()
    {
        var state = SpecState.Empty
            .WithApproval(DocumentKind.Tasks, new ApprovalRecord("c3", "bob", Noon, null))
            .WithApproval(DocumentKind.Requirements, new ApprovalRecord("a1", "alice", Noon, "looks good"));

        Assert.Equal("""
            {
              "quick": false,
              "approvals": {
                "requirements": {
                  "version": "a1",
                  "by": "alice",
                  "at": "2026-11-25T12:00:00Z",
                  "note": "looks good"
                },
                "tasks": {
                  "version": "c3",
                  "by": "bob",
                  "at": "2026-11-25T12:00:00Z"
                }
              }
            }

            """.Replace("\r\n", "\n"), state.ToJson());
    }

    [Fact]
    public void A_written_state_reads_back_equal()
    {
        var state = (SpecState.Empty with { Quick = true }).WithApproval(DocumentKind.Design, new ApprovalRecord("d4", "Claude 1.0", Noon, null));

        var read = SpecState.Parse(state.ToJson(), "x");

        Assert.True(read.Quick);
        Assert.Equal(state.Approvals[DocumentKind.Design], read.Approvals[DocumentKind.Design]);
        Assert.Equal(state.ToJson(), read.ToJson());
    }

    [Fact]
    public void A_broken_state_file_is_reported_with_its_path_and_what_to_do()
    {
        var error = Assert.Throws<KiroException>(() => SpecState.Parse("{ not json", ".kiro/specs/a/.workflow.json"));
        Assert.Equal("state_invalid", error.Code);
        Assert.Contains(".kiro/specs/a/.workflow.json", error.Message);
    }
}
