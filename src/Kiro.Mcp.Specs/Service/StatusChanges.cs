using Kiro.Mcp.Specs.Documents;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Service;

/// <summary>
/// The status characters one update of tasks.md changes, and the parse they were found in, so the parse of
/// the written text can be made from it (<see cref="Apply"/>) instead of parsing the server's own output.
/// An update may run again on a newer text (<see cref="Start"/> begins each round afresh).
/// </summary>
internal sealed class StatusChanges
{
    private readonly Dictionary<int, TaskStatus> _byOffset = [];

    public TasksDocument? Document { get; private set; }

    public TasksDocument Start(TasksDocument document)
    {
        Document = document;
        _byOffset.Clear();
        return document;
    }

    /// <summary>Changes the task's status in <paramref name="text"/> (<see cref="DocumentEditor.SetTaskStatus"/>) and records it.</summary>
    public string Set(string text, TaskItem task, TaskStatus status)
    {
        var changed = DocumentEditor.SetTaskStatus(text, task, status);
        _byOffset[task.StatusOffset] = status;
        return changed;
    }

    /// <summary>The parse of the changed text: <paramref name="document"/> with the recorded statuses, everything else shared.</summary>
    public TasksDocument Apply(TasksDocument document)
    {
        if (_byOffset.Count == 0)
        {
            return document;
        }
        var tasks = new TaskItem[document.Tasks.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            var task = document.Tasks[i];
            tasks[i] = _byOffset.TryGetValue(task.StatusOffset, out var status) && status != task.Status ? task with { Status = status } : task;
        }
        return document with { Tasks = tasks };
    }
}
