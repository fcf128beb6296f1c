using Kiro.Mcp.Specs.Service;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>The task board: a column per status, tasks in document order.</summary>
public static class TaskBoard
{
    private static readonly (string Status, string Title)[] Columns =
    [
        ("not_started", "Not started"),
        ("queued", "Queued"),
        ("in_progress", "In progress"),
        ("done", "Done"),
    ];

    public static IReadOnlyList<BoardColumn> Of(SpecSnapshot snapshot, TaskPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var tasks = snapshot.Documents.Tasks?.Tasks ?? [];
        var waves = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < (plan?.Waves.Count ?? 0); i++)
        {
            foreach (var id in plan!.Waves[i])
            {
                waves.TryAdd(id, i + 1);
            }
        }
        var critical = (plan?.CriticalPath ?? []).ToHashSet(StringComparer.Ordinal);
        return Columns.Select(c => new BoardColumn(c.Status, c.Title,
            tasks.Where(t => SpecService.StatusName(t.Status) == c.Status)
                .Select(t => new BoardTask(t.Id, t.Title, t.Optional, t.Requirements, waves.GetValueOrDefault(t.Id), critical.Contains(t.Id)))
                .ToList())).ToList();
    }
}
