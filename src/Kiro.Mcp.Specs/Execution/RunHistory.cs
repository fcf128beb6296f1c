namespace Kiro.Mcp.Specs.Execution;

/// <summary>
/// The runs of a spec as its log's lines make them: one per id, in the order each id first appeared, each the
/// latest line with that id. Applying a line costs the same however many runs there are.
/// </summary>
public sealed class RunHistory
{
    private readonly List<TaskRun> _runs = [];
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private TaskRun[]? _snapshot;

    /// <summary>The runs now, oldest first; a copy that later lines do not change.</summary>
    public IReadOnlyList<TaskRun> Runs => _snapshot ??= [.. _runs];

    public int Count => _runs.Count;

    /// <summary>Adds the run, or replaces the run with its id.</summary>
    public void Apply(TaskRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var id = run.Id ?? throw new ArgumentException("A run in the log needs an id.", nameof(run));
        if (_positions.TryGetValue(id, out var position))
        {
            _runs[position] = run;
        }
        else
        {
            _positions[id] = _runs.Count;
            _runs.Add(run);
        }
        _snapshot = null;
    }

    public bool Contains(string id) => _positions.ContainsKey(id);

    public void Clear()
    {
        _runs.Clear();
        _positions.Clear();
        _snapshot = null;
    }
}
