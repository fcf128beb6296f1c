using System.Globalization;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Service;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// Lays out a task plan as layers: the waves task_plan computes are the columns, so no layering is computed here and the
/// drawing always agrees with task_plan. Within a column a task sits near the tasks it waits for (the mean row of its
/// predecessors, one sweep left to right), which keeps most arrows short without a layout library or any script.
/// Linear in tasks plus edges, apart from sorting each column.
/// </summary>
public static class TaskGraphLayout
{
    public const int NodeWidth = 190;
    public const int NodeHeight = 46;
    private const int ColumnGap = 70;
    private const int RowGap = 18;
    private const int Margin = 12;
    private const int HeadingHeight = 28;

    /// <summary>Characters of a title that fit a box beside its id at the page's font size.</summary>
    private const int LabelLength = 22;

    public static TaskGraphDrawing Of(IReadOnlyList<TaskItem> tasks, TaskPlan plan)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(plan);
        var byId = new Dictionary<string, TaskItem>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            byId.TryAdd(task.Id, task);
        }
        var order = tasks.Select((t, i) => (t.Id, i)).GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var columns = plan.Waves.Select(w => w.Where(byId.ContainsKey).Distinct(StringComparer.Ordinal).ToList()).ToList();
        var placed = columns.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
        var unplaced = tasks.Select(t => t.Id).Where(id => !placed.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        var labels = columns.Select((_, i) => "Wave " + (i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        if (unplaced.Count > 0)
        {
            columns.Add(unplaced);
            labels.Add("In a cycle");
        }

        var predecessors = plan.Edges.GroupBy(e => e.Task, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.DependsOn).ToList(), StringComparer.Ordinal);
        var row = new Dictionary<string, double>(StringComparer.Ordinal);
        var position = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c]
                .OrderBy(id => Barycenter(id, predecessors, row) ?? double.MaxValue)
                .ThenBy(id => order.GetValueOrDefault(id))
                .ToList();
            for (var r = 0; r < column.Count; r++)
            {
                row[column[r]] = r;
                position[column[r]] = (Margin + c * (NodeWidth + ColumnGap), Margin + HeadingHeight + r * (NodeHeight + RowGap));
            }
        }

        var critical = plan.CriticalPath.ToHashSet(StringComparer.Ordinal);
        var criticalEdges = plan.CriticalPath.Zip(plan.CriticalPath.Skip(1)).ToHashSet();
        var nodes = position
            .Select(p => (Task: byId[p.Key], p.Value.X, p.Value.Y))
            .Select(n => new GraphNode(n.Task.Id, n.Task.Title, Label(n.Task.Title), SpecService.StatusName(n.Task.Status), critical.Contains(n.Task.Id), n.X, n.Y))
            .OrderBy(n => order.GetValueOrDefault(n.Id))
            .ToList();
        var edges = plan.Edges
            .Where(e => position.ContainsKey(e.DependsOn) && position.ContainsKey(e.Task))
            .Select(e => new GraphEdge(e.DependsOn, e.Task, e.Kind, criticalEdges.Contains((e.DependsOn, e.Task)), PathOf(position[e.DependsOn], position[e.Task])))
            // Critical arrows last, so they are drawn over the others.
            .OrderBy(e => e.Critical)
            .ToList();
        var rows = columns.Count == 0 ? 0 : columns.Max(c => c.Count);
        return new TaskGraphDrawing(
            Width: Math.Max(1, columns.Count) * (NodeWidth + ColumnGap) - ColumnGap + 2 * Margin,
            Height: Margin * 2 + HeadingHeight + Math.Max(1, rows) * (NodeHeight + RowGap) - RowGap,
            labels.Select((l, i) => new GraphColumn(l, Margin + i * (NodeWidth + ColumnGap))).ToList(),
            nodes,
            edges);
    }

    private static double? Barycenter(string id, Dictionary<string, List<string>> predecessors, Dictionary<string, double> row)
    {
        if (!predecessors.TryGetValue(id, out var before))
        {
            return null;
        }
        var rows = before.Where(row.ContainsKey).Select(p => row[p]).ToList();
        return rows.Count == 0 ? null : rows.Average();
    }

    /// <summary>From the middle of the right side of one box to the middle of the left side of the other, as a smooth curve.</summary>
    private static string PathOf((int X, int Y) from, (int X, int Y) to)
    {
        var (x1, y1) = (from.X + NodeWidth, from.Y + NodeHeight / 2);
        var (x2, y2) = (to.X - 6, to.Y + NodeHeight / 2);
        if (to.X <= from.X)
        {
            // Backwards (a cycle): loop round below the boxes.
            (x1, y1) = (from.X + NodeWidth / 2, from.Y + NodeHeight);
            (x2, y2) = (to.X + NodeWidth / 2, to.Y + NodeHeight + 6);
            var low = Math.Max(y1, y2) + RowGap;
            return string.Create(CultureInfo.InvariantCulture, $"M {x1} {y1} C {x1} {low}, {x2} {low}, {x2} {y2}");
        }
        var middle = (x1 + x2) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"M {x1} {y1} C {middle} {y1}, {middle} {y2}, {x2} {y2}");
    }

    private static string Label(string title) => title.Length <= LabelLength ? title : title[..(LabelLength - 1)].TrimEnd() + "…";
}
