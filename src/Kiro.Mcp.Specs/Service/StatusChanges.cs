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
    private readonly Dictionary<int, char> _marks = [];

    public TasksDocument? Document { get; private set; }

    public TasksDocument Start(TasksDocument document)
    {
        Document = document;
        _byOffset.Clear();
        _marks.Clear();
        return document;
    }

    /// <summary>
    /// Records a status change (<see cref="DocumentEditor.SetTaskStatus"/>), checking the task's checkbox in
    /// <paramref name="text"/>, the text <see cref="Text"/> is then given.
    /// </summary>
    public void Set(string text, TaskItem task, TaskStatus status)
    {
        if (DocumentEditor.StatusMark(text, task, status) is { } mark)
        {
            _marks[task.StatusOffset] = mark;
        }
        _byOffset[task.StatusOffset] = status;
    }

    /// <summary>The text with every recorded change, made in one copy of it (it may be a large file).</summary>
    public string Text(string text)
    {
        if (_marks.Count == 0)
        {
            return text;
        }
        return string.Create(text.Length, (text, _marks), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            foreach (var (offset, mark) in state._marks)
            {
                span[offset] = mark;
            }
        });
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
