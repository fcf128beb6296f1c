using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Workflow;

namespace Kiro.Mcp.Specs.Tests.Workflow;

public class SpecWorkflowTests
{
    [Theory]
    [InlineData(SpecType.Feature, WorkflowType.RequirementsFirst, new[] { DocumentKind.Requirements, DocumentKind.Design, DocumentKind.Tasks })]
    [InlineData(SpecType.Feature, WorkflowType.DesignFirst, new[] { DocumentKind.Design, DocumentKind.Requirements, DocumentKind.Tasks })]
    [InlineData(SpecType.Bugfix, WorkflowType.RequirementsFirst, new[] { DocumentKind.Bugfix, DocumentKind.Design, DocumentKind.Tasks })]
    public void Each_kind_of_spec_has_its_document_order_and_each_gate_is_the_previous_document(SpecType type, WorkflowType workflow, DocumentKind[] order)
    {
        var flow = SpecWorkflow.For(new SpecConfig("id", type, workflow), quick: false);

        Assert.Equal(order, flow.Order);
        Assert.Null(flow.GateFor(order[0]));
        Assert.Equal(order[0], flow.GateFor(order[1]));
        Assert.Equal(order[1], flow.GateFor(order[2]));
    }

    [Fact]
    public void A_quick_spec_has_no_gates()
    {
        var flow = SpecWorkflow.For(new SpecConfig("id", SpecType.Feature, WorkflowType.RequirementsFirst), quick: true);
        Assert.All(flow.Order, kind => Assert.Null(flow.GateFor(kind)));
    }
}
