using Kiro.Mcp.Server.Dashboard;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Planning;
using Kiro.Mcp.Specs.Service;

namespace Kiro.Mcp.Server.Tests.Dashboard;

public class TaskGraphLayoutTests
{
    private static IReadOnlyList<TaskItem> Tasks(params string[] titles) =>
        TasksParser.Parse(string.Concat(titles.Select((t, i) => $"- [ ] {i + 1}. {t}\n"))).Tasks;

    [Fact]
    public void Each_wave_is_a_column_and_a_task_sits_beside_the_task_it_waits_for()
    {
        // Waves: [1, 2] then [3, 4]; 3 waits for 2 and 4 for 1, so 4 goes above 3 although it comes later in the document.
        var plan = new TaskPlan("s", [new TaskEdge("2", "3", "depends"), new TaskEdge("1", "4", "depends")], [["1", "2"], ["3", "4"]], ["2", "3"], [], []);

        var drawing = TaskGraphLayout.Of(Tasks("One", "Two", "Three", "Four"), plan);

        var node = drawing.Nodes.ToDictionary(n => n.Id);
        Assert.Equal(["Wave 1", "Wave 2"], drawing.Columns.Select(c => c.Label));
        Assert.Equal(node["1"].X, node["2"].X);
        Assert.True(node["3"].X > node["1"].X);
        Assert.True(node["4"].Y < node["3"].Y);
        Assert.Equal(["2", "3"], drawing.Nodes.Where(n => n.Critical).Select(n => n.Id));
        Assert.Equal([("2", "3")], drawing.Edges.Where(e => e.Critical).Select(e => (e.From, e.To)));
        Assert.All(drawing.Nodes, n => Assert.True(n.X + TaskGraphLayout.NodeWidth <= drawing.Width && n.Y + TaskGraphLayout.NodeHeight <= drawing.Height));
    }

    [Fact]
    public void Tasks_in_a_cycle_get_a_column_of_their_own_and_long_titles_are_cut_for_the_box()
    {
        var plan = new TaskPlan("s", [new TaskEdge("2", "3", "depends"), new TaskEdge("3", "2", "depends")], [["1"]], ["1"], ["cycle: 2 → 3 → 2"], []);

        var drawing = TaskGraphLayout.Of(Tasks("Set up the project and every tool it needs", "Two", "Three"), plan);

        Assert.Equal(["Wave 1", "In a cycle"], drawing.Columns.Select(c => c.Label));
        Assert.Equal(3, drawing.Nodes.Count);
        Assert.Equal(2, drawing.Nodes.Count(n => n.X == drawing.Columns[1].X));
        Assert.Equal(2, drawing.Edges.Count);
        var first = drawing.Nodes.Single(n => n.Id == "1");
        Assert.Equal("Set up the project and every tool it needs", first.Title);
        Assert.EndsWith("…", first.Label);
        Assert.True(first.Label.Length <= 22);
    }
}
