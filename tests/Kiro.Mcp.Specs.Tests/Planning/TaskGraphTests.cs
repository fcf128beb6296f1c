using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Planning;

namespace Kiro.Mcp.Specs.Tests.Planning;

public class TaskGraphTests
{
    private const string Plan = """
        # Implementation Plan

        - [x] 1. Storage
          - [x] 1.1 Schema in `db/schema.sql`
          - [ ] 1.2 Repository in `src/repo.ts`
          - [ ]* 1.3 Optional property test
        - [ ] 2. API in `src/repo.ts`
          - _Depends: 1.1_
        - [ ] 3. UI
          - _Depends: 2_
        - [ ] 4. Checkpoint - everything passes
        """;

    [Fact]
    public void Edges_come_from_depends_lines_required_sub_tasks_and_checkpoints()
    {
        var graph = TaskGraph.Build(TasksParser.Parse(Plan));

        Assert.Equal(["1.1", "1.2"], graph.DependenciesOf("1"));
        Assert.Equal(["1.1"], graph.DependenciesOf("2"));
        Assert.Equal(["2"], graph.DependenciesOf("3"));
        Assert.Equal(["1", "1.1", "1.2", "2", "3"], graph.DependenciesOf("4").Order());
        Assert.Empty(graph.Errors);
    }

    [Fact]
    public void A_task_is_ready_when_its_dependencies_are_done_and_optional_tasks_hold_nothing_up()
    {
        var graph = TaskGraph.Build(TasksParser.Parse(Plan));
        var ready = graph.Tasks.Where(graph.IsReady).Select(t => t.Id);

        Assert.Equal(["1.2", "1.3", "2"], ready);
    }

    [Fact]
    public void Waves_group_tasks_that_can_run_in_parallel_and_the_critical_path_is_the_longest_chain()
    {
        var graph = TaskGraph.Build(TasksParser.Parse(Plan));

        Assert.Equal([["1.1", "1.2", "1.3"], ["1", "2"], ["3"], ["4"]], graph.Waves().Select(w => w.ToArray()));
        Assert.Equal(["1.1", "2", "3", "4"], graph.CriticalPath());
    }

    [Fact]
    public void Cycles_and_unknown_ids_are_errors_and_cyclic_tasks_stay_out_of_the_waves()
    {
        var graph = TaskGraph.Build(TasksParser.Parse("""
            - [ ] 1. A
              - _Depends: 2_
            - [ ] 2. B
              - _Depends: 1, 9_
            - [ ] 3. C
            """));

        Assert.Contains(graph.Errors, e => e.Contains("'9'", StringComparison.Ordinal));
        Assert.Contains(graph.Errors, e => e.Contains("cycle", StringComparison.Ordinal) && e.Contains('1') && e.Contains('2'));
        Assert.Equal([["3"]], graph.Waves().Select(w => w.ToArray()));
    }

    [Fact]
    public void Files_named_in_backticks_are_found_for_collision_warnings()
    {
        var task = TasksParser.Parse(Plan).Tasks.Single(t => t.Id == "2");
        Assert.Equal(["src/repo.ts"], TaskGraph.FilesOf(task));
    }
}
