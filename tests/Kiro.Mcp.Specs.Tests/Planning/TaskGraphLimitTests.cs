using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Planning;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Tests.Planning;

/// <summary>
/// Plans far larger than anyone writes: a 100,000-task chain, a 100,000-task cycle and thousands of
/// checkpoints are planned without recursion and without edges in the square of the tasks. Time is
/// measured by tools/bench (pathological), not asserted here.
/// </summary>
public class TaskGraphLimitTests
{
    [Fact]
    public void A_chain_of_100000_tasks_is_planned_without_overflowing_the_stack()
    {
        var graph = TaskGraph.Build(Chain(100_000, cycle: false));

        Assert.Empty(graph.Errors);
        Assert.Equal(100_000, graph.Waves().Count);
        Assert.Equal(100_000, graph.CriticalPath().Count);
        Assert.Equal("100000", graph.CriticalPath()[^1]);
    }

    [Fact]
    public void A_cycle_of_100000_tasks_is_one_error_and_no_wave()
    {
        var graph = TaskGraph.Build(Chain(100_000, cycle: true));

        var error = Assert.Single(graph.Errors);
        Assert.Contains("cycle", error, StringComparison.Ordinal);
        Assert.Empty(graph.Waves());
    }

    [Fact]
    public void Thousands_of_checkpoints_make_edges_linear_in_the_tasks_and_keep_the_order()
    {
        // 3,000 tasks each followed by a checkpoint: waiting for every task above made 4.5 million edges.
        var tasks = new List<TaskItem>();
        for (var i = 1; i <= 6_000; i++)
        {
            tasks.Add(Task(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 2 == 0 ? "Checkpoint - tests pass" : $"Step {i}", i, []));
        }

        var graph = TaskGraph.Build(new TasksDocument(tasks, [], []));

        Assert.InRange(graph.Edges.Count, 0, (2 * tasks.Count) + TaskGraph.MaxCheckpointEdges);
        var waves = graph.Waves();
        // Every checkpoint still comes after every task above it: the last one is alone in the last wave.
        Assert.Equal(["6000"], waves[^1]);
        var position = waves.SelectMany((w, i) => w.Select(id => (id, i))).ToDictionary(p => p.id, p => p.i);
        Assert.All(tasks.Where(t => !t.Checkpoint), t => Assert.True(position[t.Id] < position["6000"]));
        Assert.Empty(graph.Errors);
    }

    [Fact]
    public void Building_observes_a_cancelled_token()
    {
        Assert.Throws<OperationCanceledException>(() => TaskGraph.BuildCancellable(Chain(10_000, cycle: false), new CancellationToken(canceled: true)));
    }

    private static TasksDocument Chain(int count, bool cycle)
    {
        var tasks = new List<TaskItem>(count);
        for (var i = 1; i <= count; i++)
        {
            var previous = i > 1 ? i - 1 : cycle ? count : 0;
            tasks.Add(Task(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Step {i}", i, previous > 0 ? [$"_Depends: {previous}_"] : []));
        }
        return new TasksDocument(tasks, [], []);
    }

    private static TaskItem Task(string id, string title, int line, IReadOnlyList<string> details) =>
        new(id, null, title, TaskStatus.NotStarted, false, title.StartsWith("Checkpoint", StringComparison.Ordinal), [], details, line, 0, 0);
}
